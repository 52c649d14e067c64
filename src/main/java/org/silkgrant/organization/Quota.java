package org.silkgrant.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key within a sliding window, kept in memory (each node counts what it sees).
 * Keys without recent events are dropped as they are met, and the map is cleared when it grows past a bound, so a
 * flood of keys cannot fill the heap.
 */
final class Quota<K> {

    private static final int MAX_KEYS = 100_000;

    private final Map<K, Deque<Instant>> events = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    Quota(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Whether the key has used its quota. */
    boolean exhausted(K key) {
        Deque<Instant> times = key == null ? null : events.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= limit;
        }
    }

    void record(K key) {
        if (key == null) {
            return;
        }
        if (events.size() > MAX_KEYS) {
            events.clear();
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            prune(times);
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }
}
