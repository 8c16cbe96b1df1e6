package io.github.influxreset.ui;

import io.github.influxreset.engine.log.LogEvent;
import io.github.influxreset.engine.log.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The log pane's model. Producers on any thread {@link #offer} events into a lock-free queue and
 * never block; the UI thread calls {@link #drain} once a pulse, moving a batch into a list that
 * keeps only the newest {@code capacity} lines. When the UI falls behind, the oldest queued events
 * are dropped first, so memory stays bounded under any flood.
 */
public final class LogPaneModel implements Consumer<LogEvent> {
    private static final int MAX_BATCH = 2_000;

    private final int capacity;
    private final Queue<LogEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ObservableList<LogEvent> lines = FXCollections.observableArrayList();
    private final FilteredList<LogEvent> visible = new FilteredList<>(lines);
    private final ObjectProperty<LogLevel> minimumLevel = new SimpleObjectProperty<>(LogLevel.INFO);

    public LogPaneModel(int capacity) {
        this.capacity = capacity;
        minimumLevel.addListener((obs, old, level) -> visible.setPredicate(e -> e.level().atLeast(level)));
        visible.setPredicate(e -> e.level().atLeast(minimumLevel.get()));
    }

    /** Any thread; never blocks. */
    public void offer(LogEvent event) {
        queue.add(event);
        if (queued.incrementAndGet() > capacity) {
            if (queue.poll() != null) {
                queued.decrementAndGet();
            }
        }
    }

    @Override
    public void accept(LogEvent event) {
        offer(event);
    }

    /** UI thread only: moves queued events into the list; returns how many. */
    public int drain() {
        List<LogEvent> batch = new ArrayList<>();
        LogEvent event;
        while (batch.size() < MAX_BATCH && (event = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(event);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        int overflow = lines.size() + batch.size() - capacity;
        if (overflow >= lines.size()) {
            lines.setAll(batch.subList(Math.max(0, batch.size() - capacity), batch.size()));
        } else {
            if (overflow > 0) {
                // trim a tenth at once: one shift of the list every few pulses instead of one each pulse
                lines.remove(0, Math.min(lines.size(), Math.max(overflow, capacity / 10)));
            }
            lines.addAll(batch);
        }
        return batch.size();
    }

    /** The newest lines, at most {@code capacity}. */
    public ObservableList<LogEvent> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    /** The lines at or above the chosen level. */
    public ObservableList<LogEvent> visibleLines() {
        return visible;
    }

    public ObjectProperty<LogLevel> minimumLevelProperty() {
        return minimumLevel;
    }

    public int capacity() {
        return capacity;
    }

    /** The visible lines as text, one per line: what "Copy" puts on the clipboard. */
    public String visibleText() {
        return visible.stream().map(LogEvent::format).collect(Collectors.joining("\n"));
    }
}
