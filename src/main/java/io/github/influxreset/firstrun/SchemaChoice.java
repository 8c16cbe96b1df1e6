package io.github.influxreset.firstrun;

import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.engine.session.SchemaProposal;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The first run's choice of schema: what was read of the live data beside the brief's, and whether
 * saving writes it into the profile (ticked whenever something was read). UI thread only.
 */
public final class SchemaChoice {
    private final ObjectProperty<SchemaProposal> proposal = new SimpleObjectProperty<>(SchemaProposal.unread(""));
    private final BooleanProperty useLive = new SimpleBooleanProperty(false);
    private final StringBinding text = Bindings.createStringBinding(() -> proposal.get().summary()
            + (proposal.get().comparison().isEmpty() ? "" : "\n\n" + String.join("\n", proposal.get().comparison())), proposal);

    /** Shows what was read; the live schema is chosen when there is one. */
    void show(SchemaProposal read) {
        proposal.set(read);
        useLive.set(!read.learned().isEmpty());
    }

    /** Forgets what was read (another draft is shown). */
    void clear() {
        show(SchemaProposal.unread(""));
    }

    /** The draft with the live schema when it is chosen, else as it is. */
    ProfileDraft applyTo(ProfileDraft draft) {
        return useLive.get() ? draft.withSchema(proposal.get().learned()) : draft;
    }

    public ObjectProperty<SchemaProposal> proposalProperty() {
        return proposal;
    }

    /** Whether saving writes the live schema into the profile (instead of the brief's). */
    public BooleanProperty useLiveProperty() {
        return useLive;
    }

    /** What was read of the live schema, beside the brief's. */
    public StringBinding textProperty() {
        return text;
    }
}
