package org.onewindow.client.update;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What the back-end says about releases (docs/api: UpdateManifest). Only read after its signature verified. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateManifest(String product, String latestVersion, String minimumVersion, String publishedAt,
                             String notes, List<Package> packages) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Package(String platform, String url, String sha256) {
    }

    public List<Package> packages() {
        return packages == null ? List.of() : packages;
    }
}
