package org.silkgrant.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.util.FileCopyUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.AbstractMultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * The servlet container's multipart parsing with file names read leniently. Spring's own resolver fails the whole
 * request (a 500) when one part's {@code Content-Disposition} has a {@code filename*} it cannot decode
 * ({@code filename*=UTF-8''%E5%9}, an unknown charset, {@code =?x-bad?Q?…?=}); here such a name falls back to the
 * plain {@code filename}, else to what the container read, else to an empty name that the file store turns into
 * {@code file}. Names are
 * cleaned where they are kept (document.FileNames), not here. What the container itself refuses (a NUL in a quoted
 * name, a broken body) stays a {@link MultipartException}, answered 400 by {@link MultipartProblems}.
 */
class LenientMultipartResolver extends StandardServletMultipartResolver {

    /** A part is a file when its disposition has a {@code filename} or {@code filename*} parameter. */
    private static final Pattern FILE_NAME_PARAMETER = Pattern.compile("(?i);\\s*filename\\*?\\s*=");

    /** The {@code filename*} parameter with its value, quoted or not. */
    private static final Pattern ENCODED_FILE_NAME =
            Pattern.compile("(?i);\\s*filename\\*\\s*=\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^;]*)");

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        return new PartsRequest(request);
    }

    /** The name the client sent for a file part, {@code null} for a form field; never throws. */
    static String fileName(String disposition, Part part) {
        if (disposition == null || !FILE_NAME_PARAMETER.matcher(disposition).find()) {
            return null;
        }
        String name = parsed(disposition);
        if (name == null) {
            // A filename* that is not RFC 5987 (bad percent escapes, unknown charset): the plain filename, if any.
            name = parsed(ENCODED_FILE_NAME.matcher(disposition).replaceAll(""));
        }
        if (name != null) {
            return name;
        }
        try {
            String submitted = part == null ? null : part.getSubmittedFileName();
            return submitted == null ? "" : submitted;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The file name Spring's RFC 6266 parser reads (RFC 5987 and RFC 2047 decoded), or null when it cannot. */
    private static String parsed(String disposition) {
        try {
            return ContentDisposition.parse(disposition).getFilename();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The request's parts, read eagerly so that a broken request fails before any controller runs. */
    private static final class PartsRequest extends AbstractMultipartHttpServletRequest {

        PartsRequest(HttpServletRequest request) {
            super(request);
            Collection<Part> parts;
            try {
                parts = request.getParts();
            } catch (IOException | jakarta.servlet.ServletException | RuntimeException e) {
                throw failure(e);
            }
            MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
            for (Part part : parts) {
                String name = fileName(part.getHeader(HttpHeaders.CONTENT_DISPOSITION), part);
                if (name != null) {
                    files.add(part.getName(), new PartFile(part, name));
                }
            }
            setMultipartFiles(files);
        }

        @Override
        public String getMultipartContentType(String paramOrFileName) {
            try {
                Part part = getPart(paramOrFileName);
                return part == null ? null : part.getContentType();
            } catch (Exception e) {
                throw new MultipartException("Could not access multipart servlet request", e);
            }
        }

        @Override
        public HttpHeaders getMultipartHeaders(String paramOrFileName) {
            try {
                Part part = getPart(paramOrFileName);
                if (part == null) {
                    return null;
                }
                HttpHeaders headers = new HttpHeaders();
                for (String header : part.getHeaderNames()) {
                    headers.put(header, new java.util.ArrayList<>(part.getHeaders(header)));
                }
                return headers;
            } catch (Exception e) {
                throw new MultipartException("Could not access multipart servlet request", e);
            }
        }

        private static MultipartException failure(Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("exceed") || message.contains("too large")) {
                    return new MaxUploadSizeExceededException(-1, e);
                }
            }
            return new MultipartException("Failed to parse multipart servlet request", e);
        }
    }

    /** A file part as Spring's {@link MultipartFile}. */
    private record PartFile(Part part, String originalFilename) implements MultipartFile {

        @Override
        public String getName() {
            return part.getName();
        }

        @Override
        public String getOriginalFilename() {
            return originalFilename;
        }

        @Override
        public String getContentType() {
            return part.getContentType();
        }

        @Override
        public boolean isEmpty() {
            return part.getSize() == 0;
        }

        @Override
        public long getSize() {
            return part.getSize();
        }

        @Override
        public byte[] getBytes() throws IOException {
            try (InputStream in = part.getInputStream()) {
                return FileCopyUtils.copyToByteArray(in);
            }
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return part.getInputStream();
        }

        @Override
        public void transferTo(java.io.File dest) throws IOException {
            part.write(dest.getPath());
        }

        @Override
        public void transferTo(Path dest) throws IOException {
            try (InputStream in = part.getInputStream()) {
                Files.copy(in, dest);
            }
        }
    }
}
