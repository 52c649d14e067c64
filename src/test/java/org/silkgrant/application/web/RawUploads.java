package org.silkgrant.application.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Multipart uploads written byte by byte and sent over a real socket, so the part headers reach the servlet container
 * exactly as written (MockMvc builds its own parts and never parses a {@code Content-Disposition} header).
 */
final class RawUploads {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String password;

    RawUploads(int port, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.password = password;
    }

    /** A new draft of {@code user} in the 2023 call; its id. */
    long newApplication(String user) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"callCode\":\"2023-SCO\",\"title\":\"文件名测试\"}",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("no application: " + created.statusCode() + " " + created.body());
        }
        return Long.parseLong(created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    /**
     * POSTs {@code kind} and one file part whose {@code Content-Disposition} is exactly {@code disposition} (UTF-8
     * bytes) to the attachments API, in English.
     */
    HttpResponse<String> attach(String user, long id, String kind, String disposition, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----silkgrant" + System.nanoTime();
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + id + "/attachments"))
                .header("Authorization", basic(user)).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary, kind, disposition, content))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static byte[] body(String boundary, String kind, String disposition, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
