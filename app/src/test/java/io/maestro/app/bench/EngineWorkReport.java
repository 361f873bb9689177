package io.maestro.app.bench;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the process engine wrote and which statements took the time: the work behind a benchmark's CPU figure. */
final class EngineWorkReport {

    /**
     * From now on H2 counts each statement's executions and time (INFORMATION_SCHEMA.QUERY_STATISTICS); returns the
     * writes to the database file so far and their bytes.
     */
    static long[] startSqlStatistics(JdbcTemplate jdbc) {
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        return fileWrites(jdbc);
    }

    /** What H2's store wrote to the database file since {@code before}, per order: writes and kilobytes. */
    static void printFileWrites(JdbcTemplate jdbc, long[] before, int orders) {
        long[] now = fileWrites(jdbc);
        System.out.printf(Locale.ROOT, "%nH2 file writes of the measured run: %.1f writes, %.1f KB per order%n",
                (now[0] - before[0]) / (double) orders, (now[1] - before[1]) / 1024.0 / orders);
        System.out.printf(Locale.ROOT, "RESULT bench=lifecycle file_writes_per_order=%.1f file_write_kb_per_order=%.1f%n",
                (now[0] - before[0]) / (double) orders, (now[1] - before[1]) / 1024.0 / orders);
    }

    private static long[] fileWrites(JdbcTemplate jdbc) {
        long[] writes = new long[2];
        jdbc.query("select SETTING_NAME, SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME in "
                + "('info.FILE_WRITE', 'info.FILE_WRITE_BYTES')", rs -> {
            writes[rs.getString(1).equals("info.FILE_WRITE") ? 0 : 1] = rs.getLong(2);
        });
        return writes;
    }

    /** H2's own statistics of the measured run: the statements that took the most time, per order. */
    static void printSqlStatistics(JdbcTemplate jdbc, int orders, int top) {
        System.out.println();
        System.out.printf("SQL of the measured run (H2 query statistics, top %d by total time):%n", top);
        System.out.printf("%10s %10s %10s  %s%n", "ms/order", "runs/order", "mean ms", "statement");
        double[] total = new double[2];
        jdbc.query("select SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME from INFORMATION_SCHEMA.QUERY_STATISTICS "
                + "order by CUMULATIVE_EXECUTION_TIME desc", rs -> {
            total[0] += rs.getDouble(3);
            total[1] += rs.getLong(2);
            if (rs.getRow() <= top) {
                String sql = rs.getString(1).replaceAll("\\s+", " ");
                System.out.printf(Locale.ROOT, "%10.2f %10.2f %10.3f  %s%n", rs.getDouble(3) / orders, rs.getLong(2) / (double) orders,
                        rs.getDouble(3) / rs.getLong(2), sql.substring(0, Math.min(150, sql.length())));
            }
        });
        System.out.printf(Locale.ROOT, "%10.2f %10.2f %10s  all statements%n", total[0] / orders, total[1] / orders, "");
    }

    /** History rows and jobs the engine wrote per order (both runs): the work behind the CPU figure. */
    static void printEngineWork(JdbcTemplate jdbc, int orders, String engine) {
        System.out.println();
        System.out.printf("Engine work per order (%s, both runs):%n", engine);
        for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_JOB_LOG",
                "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_HI_EXT_TASK_LOG", "ACT_HI_TASKINST",
                "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_GE_BYTEARRAY")) {
            long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
            System.out.printf(Locale.ROOT, "  %-22s %8.1f rows%n", table, (double) rows / orders);
        }
        jdbc.query("select ACT_TYPE_, count(*) from ACT_HI_ACTINST group by ACT_TYPE_ order by 2 desc", rs -> {
            System.out.printf(Locale.ROOT, "    %-20s %8.1f%n", rs.getString(1), rs.getLong(2) / (double) orders);
        });
        StringBuilder variables = new StringBuilder("    variables:");
        jdbc.query("select NAME_, count(*) from ACT_HI_VARINST group by NAME_ order by 2 desc, 1", rs -> {
            variables.append(String.format(Locale.ROOT, " %s %.1f", rs.getString(1), rs.getLong(2) / (double) orders));
        });
        System.out.println(variables);
        jdbc.query("select JOB_DEF_TYPE_, JOB_DEF_CONFIGURATION_, count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2 "
                + "group by JOB_DEF_TYPE_, JOB_DEF_CONFIGURATION_ order by 3 desc", rs -> {
            System.out.printf(Locale.ROOT, "    job %-16s %-14s %8.1f%n", rs.getString(1), rs.getString(2),
                    rs.getLong(3) / (double) orders);
        });
    }

    private EngineWorkReport() {
    }
}
