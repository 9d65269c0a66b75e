package cn.dibao.payout;

import cn.dibao.common.error.DomainException;
import org.springframework.dao.DataAccessResourceFailureException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The lock that serialises generation of a county's runs on every node while the parts of a run
 * commit one by one (ADR 0014): a session advisory lock held on a connection of its own. Whatever
 * ends the generator — a finished run, an exception, kill -9 — ends the session and frees the lock,
 * so a run found GENERATING by whoever holds the lock has no live generator and can be resumed. It
 * conflicts with the transaction-level lock of the same key that grants and recalculations take.
 */
final class CountyGenerationLock implements AutoCloseable {

    private final Connection connection;
    private final int key;

    private CountyGenerationLock(Connection connection, int key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Waits up to {@code wait} for the county's lock (another generator of the county ends first),
     * trying every tenth of a second without keeping a connection in between: clicks that wait must
     * not take the pool's connections from the generation they wait for. Refuses after that.
     */
    static CountyGenerationLock acquire(DataSource dataSource, String countyCode, Duration wait) {
        int key = Integer.parseInt(countyCode.substring(0, 6));
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            Connection c = null;
            try {
                // plain JDBC: a session-level advisory lock lives on one connection held until close()
                c = dataSource.getConnection();
                c.setAutoCommit(true);
                if (call(c, "select pg_try_advisory_lock(?, ?) as ok", key)) {
                    return new CountyGenerationLock(c, key);
                }
                c.close();
            } catch (SQLException e) {
                closeQuietly(c);
                throw new DataAccessResourceFailureException("could not take the payout generation lock", e);
            }
            if (System.nanoTime() > until) {
                throw DomainException.global("payout.generate.busy");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DomainException.global("payout.generate.busy");
            }
        }
    }

    @Override
    public void close() {
        try {
            call(connection, "select pg_advisory_unlock(?, ?) as ok", key);
            connection.close();
        } catch (SQLException e) {
            // the lock must not go back to the pool with its connection: end the session instead
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            closeQuietly(connection);
        }
    }

    private static boolean call(Connection c, String sql, int key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, PayoutRunService.LOCK_CLASS);
            ps.setInt(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean("ok");
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to free
            }
        }
    }
}
