package org.onewindow.cache.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.catalogue.ServiceItem;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.backend.queue.HttpCatalogue;

/** The catalogue over real HTTP, then from the offline copy once the back-end is gone. */
class CachingCatalogueTest {
    @TempDir
    Path dir;
    SandboxBackend sandbox;
    HttpHallServices hall;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        hall = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-CAT"));
    }

    @AfterEach
    void stop() {
        hall.close();
        sandbox.close();
    }

    @Test
    void servesTheLastDownloadWhenTheBackendIsUnreachable() throws Exception {
        CachingCatalogue catalogue = new CachingCatalogue(new HttpCatalogue(hall), dir.resolve("cache.db"), Clock.systemUTC());
        List<ServiceItem> online = catalogue.items();
        assertThat(online).extracting(ServiceItem::code).contains("HJ-0001", "SB-0001");

        sandbox.close();
        CachingCatalogue afterRestart = new CachingCatalogue(new HttpCatalogue(hall), dir.resolve("cache.db"), Clock.systemUTC());
        assertThat(afterRestart.items()).isEqualTo(online);
        assertThat(afterRestart.item("HJ-0001").orElseThrow().materials()).isNotEmpty();
    }

    @Test
    void withoutAnyCopyTheBackendErrorIsReported() throws Exception {
        sandbox.close();
        CachingCatalogue catalogue = new CachingCatalogue(new HttpCatalogue(hall), dir.resolve("empty.db"), Clock.systemUTC());
        assertThatThrownBy(catalogue::items).isInstanceOfSatisfying(BackendException.class,
                e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE));
    }
}
