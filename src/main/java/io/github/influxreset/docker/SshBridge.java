package io.github.influxreset.docker;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SshKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@code ssh://} engine reached as the docker CLI reaches it: each connection docker-java opens
 * to a private unix socket of this process becomes an SSH channel running {@code docker system
 * dial-stdio} on the engine's machine, which speaks to the engine there. The host key is checked
 * against the user's {@code known_hosts}: an unknown or changed key is refused with its fingerprint,
 * never accepted. Keys come from the user's agent and SSH folder.
 */
final class SshBridge implements AutoCloseable {
    private static final int CONNECT_MILLIS = 10_000;
    private static final String FAST_CIPHERS = "aes128-gcm@openssh.com,aes256-gcm@openssh.com";
    private static final List<String> KEY_FILES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final String address;
    private final Session session;
    private final Path folder;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private SshBridge(String address, Session session) throws IOException {
        this.address = address;
        this.session = session;
        this.folder = Files.createTempDirectory("influx-reset-ssh", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(folder.resolve("docker.sock")));
        this.acceptor = new Thread(this::accept, "ssh-bridge " + address);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Logs in to the engine's machine and opens the local socket; refuses with a sentence when it cannot. */
    static SshBridge open(String address, SshKeys keys) {
        URI uri = URI.create(address);
        String user = uri.getUserInfo() != null ? uri.getUserInfo() : System.getProperty("user.name");
        int port = uri.getPort() > 0 ? uri.getPort() : 22;
        JSch jsch = new JSch();
        KnownHostCheck hostCheck = KnownHostCheck.of(jsch, keys.folder().resolve("known_hosts"));
        try {
            useKeys(jsch, keys);
            Session session = jsch.getSession(user, uri.getHost(), port);
            session.setHostKeyRepository(hostCheck);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setServerAliveInterval(15_000);
            // AES-GCM first: the JDK runs it on the CPU's AES instructions; a volume's bytes cross the link
            session.setConfig("cipher.s2c", FAST_CIPHERS + "," + session.getConfig("cipher.s2c"));
            session.setConfig("cipher.c2s", FAST_CIPHERS + "," + session.getConfig("cipher.c2s"));
            session.connect(CONNECT_MILLIS);
            requireDocker(session, address);
            return new SshBridge(address, session);
        } catch (JSchException e) {
            throw hostCheck.refusal(address).orElseGet(() -> SshFailures.of(address, e));
        } catch (IOException e) {
            throw ResetException.problem("The local end of the SSH link to " + address + " could not be opened: "
                    + e.getMessage() + ".", "Check that the temporary folder is writable.", e);
        }
    }

    /** The address docker-java uses: this process's own socket, private to its user. */
    String localAddress() {
        return "unix://" + folder.resolve("docker.sock");
    }

    private static void useKeys(JSch jsch, SshKeys keys) throws JSchException {
        if (keys.agentSocket().isPresent()) {
            try {
                jsch.setIdentityRepository(new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(),
                        keys.agentSocket().get())));
            } catch (AgentProxyException noAgent) {
                // the agent named is not running: the key files below are tried
            }
        }
        for (String name : KEY_FILES) {
            Path key = keys.folder().resolve(name);
            if (Files.isReadable(key)) {
                jsch.addIdentity(key.toString());
            }
        }
    }

    /** The machine must have the docker command: the link runs it there. */
    private static void requireDocker(Session session, String address) throws JSchException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = run(session, "command -v docker", output);
        if (status != 0) {
            session.disconnect();
            throw ResetException.problem("The machine at " + address + " has no docker command on its PATH (the SSH link "
                    + "runs 'docker system dial-stdio' there).", "Install Docker's command line there, or reach the engine "
                    + "over tcp:// with TLS, and try again.", null);
        }
    }

    /** Runs a short command on the machine and returns its exit status (output kept in {@code output}). */
    private static int run(Session session, String command, OutputStream output) throws JSchException {
        ChannelExec exec = (ChannelExec) session.openChannel("exec");
        exec.setCommand(command);
        exec.setErrStream(output);
        try (InputStream out = exec.getInputStream()) {
            exec.connect(CONNECT_MILLIS);
            out.transferTo(output);
        } catch (IOException e) {
            throw new JSchException("the command '" + command + "' could not be read: " + e.getMessage(), e);
        }
        // JSch learns the exit status from a message that may come just after the output ends
        long deadline = System.nanoTime() + CONNECT_MILLIS * 1_000_000L;
        while (!exec.isClosed() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
        exec.disconnect();
        return exec.getExitStatus();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                relay(client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One docker-java connection, carried both ways over a channel of its own until either side ends it. */
    private void relay(SocketChannel client) {
        try {
            ChannelExec exec = (ChannelExec) session.openChannel("exec");
            exec.setCommand("docker system dial-stdio");
            InputStream fromEngine = exec.getInputStream();
            OutputStream toEngine = exec.getOutputStream();
            exec.connect(CONNECT_MILLIS);
            // the channel itself, not Channels' streams: those lock one object for reading and writing alike
            Thread up = pump(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                while (client.read(buffer.clear()) >= 0) {
                    toEngine.write(buffer.array(), 0, buffer.position());
                    toEngine.flush(); // JSch holds what is written until a flush
                }
                toEngine.close();
            }, "up");
            Thread down = pump(() -> {
                byte[] buffer = new byte[64 * 1024];
                for (int n = fromEngine.read(buffer); n >= 0; n = fromEngine.read(buffer)) {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        client.write(chunk);
                    }
                }
            }, "down");
            Thread closer = new Thread(() -> {
                join(down);
                exec.disconnect();
                closeQuietly(client);
                join(up);
            }, "ssh-bridge close");
            closer.setDaemon(true);
            closer.start();
        } catch (JSchException | IOException e) {
            closeQuietly(client);
        }
    }

    /** Work that moves bytes until one side ends. */
    private interface Transfer {
        void run() throws IOException;
    }

    private Thread pump(Transfer transfer, String direction) {
        Thread thread = new Thread(() -> {
            try {
                transfer.run();
            } catch (IOException ended) {
                // the other side closed: the connection is over
            }
        }, "ssh-bridge " + direction + " " + address);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing what is over
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        session.disconnect();
        try {
            Files.deleteIfExists(folder.resolve("docker.sock"));
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a temporary folder of this process
        }
    }
}
