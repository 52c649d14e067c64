package org.silkgrant.document;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 server for tests: S3Proxy over jclouds' in-memory ("transient") blob store, listening on a free port of
 * 127.0.0.1 and checking AWS signatures (V2 or V4) against one key pair. One server per test JVM; each test takes a
 * fresh bucket of its own.
 */
public final class S3TestServer {

    public static final String ACCESS_KEY = "silkgrant-test";
    public static final String SECRET_KEY = "s3cr3t-" + UUID.randomUUID();

    private static S3TestServer running;

    private final URI endpoint;
    private final S3Client client;

    private S3TestServer(URI endpoint) {
        this.endpoint = endpoint;
        this.client = FileStorageConfiguration.client(settings("unused", null));
    }

    /** The server, started on first use. */
    public static synchronized S3TestServer get() {
        if (running == null) {
            try {
                BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY)
                        .build(BlobStoreContext.class);
                S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
                proxy.start();
                while (!"STARTED".equals(proxy.getState())) {
                    Thread.sleep(10);
                }
                running = new S3TestServer(URI.create("http://127.0.0.1:" + proxy.getPort()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        proxy.stop();
                    } catch (Exception e) {
                        // the JVM is going anyway
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not start", e);
            }
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new empty bucket. */
    public String newBucket() {
        String bucket = "silkgrant-" + UUID.randomUUID().toString().substring(0, 8);
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** The keys in {@code bucket}, in order. */
    public List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted()
                .toList();
    }

    /** The object's bytes, read past the application. */
    public byte[] object(String bucket, String key) {
        return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public void delete(String bucket, String key) {
        client.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** Path-style settings for {@code bucket} on this server with the right keys. */
    public FilesProperties.S3 settings(String bucket, String prefix) {
        return new FilesProperties.S3(endpoint, "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true, prefix);
    }
}
