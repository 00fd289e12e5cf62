package org.onewindow.cache.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Durable storage of the signed trust data (trust-list and status-list envelopes) as named blobs in
 * SQLite. A replace swaps the whole set in one transaction with synchronous=FULL, so after a crash the
 * store holds the old set or the new one, never a mix. It stores bytes only: verification's
 * {@code PersistentTrustListCache} checks the signatures again on every load.
 */
public final class SqliteTrustDataStore implements AutoCloseable {
    private final Connection connection;

    public SqliteTrustDataStore(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS trust_blobs (
                          name TEXT PRIMARY KEY, content BLOB NOT NULL, stored_at TEXT NOT NULL)""");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open trust store " + file, e);
        }
    }

    /** Replaces every stored blob with {@code blobs}, atomically. */
    public synchronized void replaceAll(Map<String, byte[]> blobs) {
        replaceAll(blobs, Instant.now());
    }

    public synchronized void replaceAll(Map<String, byte[]> blobs, Instant storedAt) {
        try {
            connection.setAutoCommit(false);
            try (Statement delete = connection.createStatement();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO trust_blobs(name, content, stored_at) VALUES (?,?,?)")) {
                delete.execute("DELETE FROM trust_blobs");
                for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
                    insert.setString(1, e.getKey());
                    insert.setBytes(2, e.getValue());
                    insert.setString(3, storedAt.toString());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store trust data: " + e.getMessage(), e);
        }
    }

    /** Every stored blob by name; empty when nothing was stored yet. */
    public synchronized Map<String, byte[]> loadAll() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, content FROM trust_blobs ORDER BY name")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getBytes(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read trust data: " + e.getMessage(), e);
        }
    }

    /** When the current set was stored. */
    public synchronized Optional<Instant> storedAt() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(stored_at) FROM trust_blobs")) {
            return rs.next() && rs.getString(1) != null ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read trust data: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at shutdown: the data is committed already
            org.slf4j.LoggerFactory.getLogger(SqliteTrustDataStore.class).warn("closing trust store: {}", e.getMessage());
        }
    }
}
