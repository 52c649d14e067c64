package org.silkgrant.call;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where call definitions come from.
 *
 * @param locations resource patterns of definition files, imported once each at start-up
 */
@ConfigurationProperties("silkgrant.calls")
public record CallProperties(List<String> locations) {

    public CallProperties {
        locations = locations == null || locations.isEmpty() ? List.of("classpath*:calls/*.yaml") : List.copyOf(locations);
    }
}
