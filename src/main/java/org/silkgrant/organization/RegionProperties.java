package org.silkgrant.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The region whose organisations may register.
 *
 * @param divisionPrefix GB/T 2260 prefix of the region ({@code 65}: Xinjiang); its division list is the data file
 *                       {@code divisions/<prefix>.csv}
 */
@ConfigurationProperties("silkgrant.region")
public record RegionProperties(String divisionPrefix) {

    public RegionProperties {
        divisionPrefix = divisionPrefix == null || divisionPrefix.isBlank() ? "65" : divisionPrefix.strip();
    }
}
