package org.silkgrant.application;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.silkgrant.shared.BusyException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * PDFs are rendered off the request thread, by a few threads of their own with a bounded queue: on deadline day a
 * wave of PDF downloads waits its turn instead of taking every request thread and database connection, and beyond
 * the queue the client is told to come back ({@code 503}) rather than left hanging. The request's attributes and
 * locale go with the work (the audit record keeps the client's address; messages keep the language).
 */
@Component
public class PdfQueue implements DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    PdfQueue(@Value("${silkgrant.pdf.threads:2}") int threads, @Value("${silkgrant.pdf.queue:200}") int queue) {
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix("pdf-");
        executor.setTaskDecorator(task -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            LocaleContext locale = LocaleContextHolder.getLocaleContext();
            return () -> {
                RequestContextHolder.setRequestAttributes(request);
                LocaleContextHolder.setLocaleContext(locale);
                try {
                    task.run();
                } finally {
                    RequestContextHolder.resetRequestAttributes();
                    LocaleContextHolder.resetLocaleContext();
                }
            };
        });
        executor.initialize();
    }

    /** The rendering, queued; {@link BusyException} when the queue is full. */
    public <T> CompletableFuture<T> submit(Supplier<T> rendering) {
        try {
            return executor.submitCompletable(rendering::get);
        } catch (TaskRejectedException e) {
            throw new BusyException("application.pdf.busy");
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
