package cn.dibao.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Timing helpers for the benchmarks: percentiles printed in one greppable line per operation. */
final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    interface Op {
        void run(int i) throws Exception;
    }

    record Stats(String name, int n, double p50, double p95, double p99, double max) {
        String line() {
            return String.format(Locale.ROOT, "BENCH %-28s n=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms",
                    name, n, p50, p95, p99, max);
        }
    }

    static Stats measure(String name, int warmup, int n, Op op) throws Exception {
        for (int i = 0; i < warmup; i++) {
            op.run(i);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            op.run(warmup + i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Stats s = new Stats(name, n, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[n - 1]);
        System.out.println(s.line());
        return s;
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "cores=%d maxHeap=%dMB java=%s os=%s", rt.availableProcessors(),
                rt.maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"));
    }

    private static double pct(double[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    static <T> T pick(List<T> list, int i) {
        return list.get(Math.floorMod(i * 7919, list.size()));
    }
}
