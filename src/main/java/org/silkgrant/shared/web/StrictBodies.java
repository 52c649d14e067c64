package org.silkgrant.shared.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.silkgrant.shared.ContentTooLargeException;
import org.silkgrant.shared.MalformedRequestException;
import org.silkgrant.shared.StrictJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are JSON only, read strictly ({@link StrictJson}) and at most {@code silkgrant.web.max-json-body}
 * long: the YAML, XML, Smile and CBOR converters that libraries on the class path bring are not offered (a YAML or XML
 * body is {@code 415}), and the JSON converter reads with Boot's mapper plus the strict settings. Answers are written
 * as before.
 */
@Configuration(proxyBeanMethods = false)
class StrictBodies implements WebMvcConfigurer {

    private final JsonMapper mapper;
    private final long maxBytes;

    StrictBodies(JsonMapper mapper, @Value("${silkgrant.web.max-json-body:1MB}") DataSize maxBody) {
        this.mapper = mapper;
        this.maxBytes = maxBody.toBytes();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        StrictJsonConverter strict = new StrictJsonConverter(StrictJson.strict(mapper), maxBytes);
        builder.configureMessageConvertersList(converters -> {
            converters.removeIf(StrictBodies::otherDataFormat);
            // One JSON converter, where the framework's default one stands (after the byte[], String and resource
            // converters, which answer raw bodies such as the OpenAPI document); a JSON converter that is also a
            // bean arrives at the front of the list as well.
            int last = -1;
            for (int i = 0; i < converters.size(); i++) {
                if (converters.get(i) instanceof JacksonJsonHttpMessageConverter) {
                    last = i;
                }
            }
            if (last >= 0) {
                converters.set(last, strict);
                for (int i = last - 1; i >= 0; i--) {
                    if (converters.get(i) instanceof JacksonJsonHttpMessageConverter) {
                        converters.remove(i);
                    }
                }
            }
        });
    }

    /** A Jackson converter for a format other than JSON (YAML, XML, Smile, CBOR). */
    private static boolean otherDataFormat(HttpMessageConverter<?> converter) {
        String name = converter.getClass().getName();
        return !(converter instanceof JacksonJsonHttpMessageConverter)
                && (name.contains("Yaml") || name.contains("Xml") || name.contains("Smile") || name.contains("Cbor"));
    }

    /** JSON read strictly, naming every unknown field, and only up to the size limit. */
    static final class StrictJsonConverter extends JacksonJsonHttpMessageConverter {

        private final long maxBytes;

        StrictJsonConverter(JsonMapper mapper, long maxBytes) {
            super(mapper);
            this.maxBytes = maxBytes;
        }

        @Override
        public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
            HttpInputMessage limited = limited(input);
            try {
                return StrictJson.read("", () -> super.read(type, limited, hints));
            } catch (HttpMessageNotReadableException e) {
                if (e.getCause() instanceof ContentTooLargeException tooLarge) {
                    throw tooLarge;
                }
                if (e.getCause() instanceof JacksonException jackson) {
                    throw StrictJson.problem(jackson, "");
                }
                throw new MalformedRequestException("input.json.malformed.nowhere");
            }
        }

        @Override
        protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
            return read(ResolvableType.forClass(clazz), input, null);
        }

        private HttpInputMessage limited(HttpInputMessage input) {
            long declared = input.getHeaders().getContentLength();
            if (declared > maxBytes) {
                throw tooLarge();
            }
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() throws IOException {
                    return new Limited(input.getBody());
                }

                @Override
                public HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            };
        }

        private ContentTooLargeException tooLarge() {
            return new ContentTooLargeException("input.json.tooLarge", DataSize.ofBytes(maxBytes).toKilobytes());
        }

        /** Stops reading, with 413, at the first byte beyond the limit (a body without Content-Length too). */
        private final class Limited extends FilterInputStream {

            private long read;

            Limited(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) {
                read += n;
                if (read > maxBytes) {
                    throw tooLarge();
                }
            }
        }
    }
}
