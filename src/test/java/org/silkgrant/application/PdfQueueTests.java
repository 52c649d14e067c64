package org.silkgrant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.silkgrant.shared.BusyException;

/** PDFs are rendered by the queue's own threads; beyond its bounded queue the caller is told to come back (503). */
class PdfQueueTests {

    @Test
    void rendersOffTheCallersThreadAndRefusesBeyondTheQueue() throws Exception {
        PdfQueue queue = new PdfQueue(1, 2);
        CountDownLatch release = new CountDownLatch(1);
        try {
            String caller = Thread.currentThread().getName();
            List<CompletableFuture<String>> accepted = new ArrayList<>();
            // one running and two waiting fill a queue of one thread and two places
            for (int i = 0; i < 3; i++) {
                accepted.add(queue.submit(() -> {
                    await(release);
                    return Thread.currentThread().getName();
                }));
            }
            assertThatThrownBy(() -> queue.submit(() -> "one too many")).isInstanceOf(BusyException.class)
                    .satisfies(e -> assertThat(((BusyException) e).httpStatus()).isEqualTo(503));
            release.countDown();
            for (CompletableFuture<String> done : accepted) {
                assertThat(done.get(10, TimeUnit.SECONDS)).startsWith("pdf-").isNotEqualTo(caller);
            }
            assertThat(queue.submit(() -> "room again").get(10, TimeUnit.SECONDS)).isEqualTo("room again");
        } finally {
            release.countDown();
            queue.destroy();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
