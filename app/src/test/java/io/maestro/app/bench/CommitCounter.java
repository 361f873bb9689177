package io.maestro.app.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts the write transactions (a commit after at least one insert, update, delete or {@code select … for update},
 * or such a statement in auto-commit) and the SQL statements per source: the thread's kind (digits dropped) and, on
 * an HTTP thread, the request's path. Added to a benchmark's Maestro as a source of its application context; it wraps
 * the application's data source, which the process engine uses too.
 */
public class CommitCounter implements BeanPostProcessor {

    private static final Map<String, LongAdder> COMMITS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> STATEMENTS = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(method, dataSource, args);
                        return result instanceof Connection c ? connection(c) : result;
                    });
        }
        return bean;
    }

    static void reset() {
        COMMITS.clear();
        STATEMENTS.clear();
    }

    static void print(int orders) {
        System.out.println();
        System.out.println("Write transactions and statements per order of the measured run, by source:");
        System.out.printf("%10s %12s  %s%n", "commits", "statements", "source");
        Map<String, long[]> bySource = new TreeMap<>();
        COMMITS.forEach((k, v) -> bySource.computeIfAbsent(k, x -> new long[2])[0] = v.sum());
        STATEMENTS.forEach((k, v) -> bySource.computeIfAbsent(k, x -> new long[2])[1] = v.sum());
        long[] total = new long[2];
        bySource.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e -> {
            total[0] += e.getValue()[0];
            total[1] += e.getValue()[1];
            System.out.printf(Locale.ROOT, "%10.2f %12.2f  %s%n", e.getValue()[0] / (double) orders,
                    e.getValue()[1] / (double) orders, e.getKey());
        });
        System.out.printf(Locale.ROOT, "%10.2f %12.2f  all%n", total[0] / (double) orders, total[1] / (double) orders);
        System.out.printf(Locale.ROOT, "RESULT bench=lifecycle commits_per_order=%.1f statements_per_order=%.1f%n",
                total[0] / (double) orders, total[1] / (double) orders);
    }

    private static Connection connection(Connection target) {
        boolean[] dirty = new boolean[1];
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
                            && args[0] instanceof String sql) {
                        statement(target, sql, dirty);
                    } else if (name.equals("commit")) {
                        if (dirty[0]) {
                            count(COMMITS);
                        }
                        dirty[0] = false;
                    } else if (name.equals("rollback") || name.equals("close")) {
                        dirty[0] = false;
                    }
                    Object result = invoke(method, target, args);
                    return result instanceof Statement s && name.equals("createStatement") ? statement(s, target, dirty) : result;
                });
    }

    private static Statement statement(Statement target, Connection connection, boolean[] dirty) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[]{Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                        statement(connection, sql, dirty);
                    }
                    return invoke(method, target, args);
                });
    }

    private static void statement(Connection connection, String sql, boolean[] dirty) throws Exception {
        count(STATEMENTS);
        String s = sql.stripLeading().toLowerCase(Locale.ROOT);
        if (s.startsWith("insert") || s.startsWith("update") || s.startsWith("delete") || s.startsWith("merge")
                || s.contains("for update")) {
            if (connection.getAutoCommit()) {
                count(COMMITS);
            } else {
                dirty[0] = true;
            }
        }
    }

    private static void count(Map<String, LongAdder> counters) {
        counters.computeIfAbsent(source(), k -> new LongAdder()).increment();
    }

    private static String source() {
        String thread = Thread.currentThread().getName().replaceAll("\\d+", "#");
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String path = Arrays.stream(request.getRequest().getRequestURI().split("/")).limit(5)
                    .map(segment -> segment.matches(".*\\d.*") ? "#" : segment).collect(Collectors.joining("/"));
            return thread.replaceAll("-exec-#", "") + " " + path;
        }
        return thread;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
