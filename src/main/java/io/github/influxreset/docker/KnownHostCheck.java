package io.github.influxreset.docker;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import io.github.influxreset.domain.HostKeyNotKnown;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.UnknownHostKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's {@code known_hosts}, read only, remembering the key a machine showed when it was not
 * the one recorded: so that the refusal can name its fingerprint, and an unknown key can be put to
 * the user as a question ({@link HostKeyNotKnown}). Nothing is added to the file here: a key the
 * user trusts is recorded by {@link KnownHostsFile}.
 */
final class KnownHostCheck implements HostKeyRepository {
    private final JSch jsch;
    private final HostKeyRepository known;
    private final Path file;
    private String shownHost;
    private byte[] shownKey;
    private int verdict = OK;

    private KnownHostCheck(JSch jsch, HostKeyRepository known, Path file) {
        this.jsch = jsch;
        this.known = known;
        this.file = file;
    }

    static KnownHostCheck of(JSch jsch, Path knownHosts) {
        try {
            if (Files.isReadable(knownHosts)) {
                jsch.setKnownHosts(knownHosts.toString());
            }
        } catch (JSchException unreadable) {
            throw ResetException.badInput("The SSH known hosts file " + knownHosts + " cannot be read: "
                    + unreadable.getMessage() + ".", "Check it with 'ssh-keygen -l -f " + knownHosts + "'.");
        }
        return new KnownHostCheck(jsch, jsch.getHostKeyRepository(), knownHosts);
    }

    @Override
    public synchronized int check(String host, byte[] key) {
        int result = known.check(host, key);
        if (result != OK) {
            shownHost = host;
            shownKey = key.clone();
            verdict = result;
        }
        return result;
    }

    /** Why the login was refused when the machine's key was unknown or changed, with the key it showed. */
    synchronized Optional<ResetException> refusal(String address) {
        if (verdict == OK || shownKey == null) {
            return Optional.empty();
        }
        String shown = fingerprint();
        if (verdict == CHANGED) {
            return Optional.of(ResetException.problem("The SSH host key of " + shownHost + " (" + address + ") is not the one "
                    + "known_hosts recorded: it now shows " + shown + ". This may be another machine posing as it; nothing was "
                    + "done.", "If the machine was reinstalled, check the new key on it ('ssh-keygen -lf "
                    + "/etc/ssh/ssh_host_ed25519_key.pub'), remove the old one with 'ssh-keygen -R " + shownHost
                    + "', log in once with ssh to accept it, and try again.", null));
        }
        return Optional.of(new HostKeyNotKnown(new UnknownHostKey(shownHost, address, shown, knownHostsLine(), file)));
    }

    /** The line {@code ssh} would add for the key shown: {@code host type base64}. */
    private String knownHostsLine() {
        try {
            HostKey key = new HostKey(shownHost, shownKey);
            return shownHost + " " + key.getType() + " " + key.getKey();
        } catch (JSchException unreadable) {
            return "";
        }
    }

    private String fingerprint() {
        try {
            HostKey key = new HostKey(shownHost, shownKey);
            return key.getType() + " " + key.getFingerPrint(jsch);
        } catch (JSchException unreadable) {
            return "a key of a type this program cannot read";
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // never: a key is accepted by the user, with ssh, not by this program
    }

    @Override
    public void remove(String host, String type) {
        // never changes the user's file
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // never changes the user's file
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return known.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}
