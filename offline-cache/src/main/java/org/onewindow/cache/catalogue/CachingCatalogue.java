package org.onewindow.cache.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.catalogue.Catalogue;
import org.onewindow.core.catalogue.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service catalogue with an offline copy: every successful download is kept in a small SQLite file,
 * and when the back-end cannot be reached the last copy answers instead. The catalogue is public
 * information, so it is stored in clear.
 */
public final class CachingCatalogue implements Catalogue {
    private static final Logger LOG = LoggerFactory.getLogger(CachingCatalogue.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalogue online;
    private final String url;
    private final Clock clock;

    public CachingCatalogue(Catalogue online, Path file, Clock clock) throws IOException {
        this.online = online;
        this.clock = clock;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS catalogue_cache (id INTEGER PRIMARY KEY CHECK (id = 1), "
                    + "fetched_at TEXT NOT NULL, items TEXT NOT NULL)");
        } catch (SQLException e) {
            throw new IOException("cannot open the catalogue cache " + file, e);
        }
    }

    @Override
    public List<ServiceItem> items() throws BackendException {
        try {
            List<ServiceItem> items = online.items();
            store(items);
            return items;
        } catch (BackendException e) {
            if (!e.kind().isTransient()) {
                throw e;
            }
            Optional<List<ServiceItem>> cached = cached();
            if (cached.isEmpty()) {
                throw e;
            }
            LOG.info("catalogue served from the offline copy: {}", e.getMessage());
            return cached.get();
        }
    }

    @Override
    public Optional<ServiceItem> item(String code) throws BackendException {
        return items().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    @Override
    public String version() throws BackendException {
        return online.version();
    }

    /** The offline copy, if one was ever downloaded. */
    public Optional<List<ServiceItem>> cached() {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT items FROM catalogue_cache WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(rs.getString(1), new TypeReference<List<ServiceItem>>() { }));
        } catch (SQLException | IOException e) {
            LOG.warn("offline catalogue unreadable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private void store(List<ServiceItem> items) {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement(
                     "INSERT OR REPLACE INTO catalogue_cache(id, fetched_at, items) VALUES (1, ?, ?)")) {
            ps.setString(1, clock.instant().toString());
            ps.setString(2, JSON.writeValueAsString(items));
            ps.executeUpdate();
        } catch (SQLException | IOException e) {
            // the online answer is still good; only the offline copy is stale
            LOG.warn("catalogue not cached for offline use: {}", e.getMessage());
        }
    }
}
