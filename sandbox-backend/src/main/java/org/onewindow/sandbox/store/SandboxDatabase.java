package org.onewindow.sandbox.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sandbox's persistent store: one SQLite file in WAL mode. SQLite allows one writer at a time, so
 * work runs under one lock on one connection: simple, and fast enough for a sandbox.
 */
public final class SandboxDatabase implements AutoCloseable {

    /** Work done with the connection while the lock is held. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    public SandboxDatabase(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open sandbox database " + file, e);
        }
    }

    public <T> T with(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction. */
    public <T> T inTransaction(Work<T> work) {
        return with(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    public void execute(String... statements) {
        with(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at shutdown: nothing left to protect
            org.slf4j.LoggerFactory.getLogger(SandboxDatabase.class).warn("closing database: {}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
