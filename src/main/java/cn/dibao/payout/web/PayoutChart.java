package cn.dibao.payout.web;

import cn.dibao.payout.PayoutTotal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run page's bar chart, computed on the server: one bar per township, a segment per programme
 * (its net amount: 追回 lines count against it), widths in percent of the largest township.
 */
record PayoutChart(List<Bar> bars, List<String> programmes) {

    record Bar(String townshipCode, String townshipName, BigDecimal total, List<Segment> segments) {
    }

    record Segment(String programme, int colour, BigDecimal amount, String width) {
    }

    static PayoutChart of(List<PayoutTotal> totals, List<String> programmes) {
        Map<String, Map<String, BigDecimal>> byTownship = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (PayoutTotal t : totals) {
            byTownship.computeIfAbsent(t.townshipCode(), k -> new LinkedHashMap<>())
                    .merge(t.programme(), t.amount(), BigDecimal::add);
            names.put(t.townshipCode(), t.townshipName() == null ? t.townshipCode() : t.townshipName());
        }
        BigDecimal max = BigDecimal.ZERO;
        for (Map<String, BigDecimal> p : byTownship.values()) {
            BigDecimal positive = p.values().stream().filter(a -> a.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
            max = max.max(positive);
        }
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Map<String, BigDecimal>> e : byTownship.entrySet()) {
            List<Segment> segments = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (String programme : programmes) {
                BigDecimal amount = e.getValue().get(programme);
                if (amount == null) {
                    continue;
                }
                total = total.add(amount);
                String width = max.signum() == 0 || amount.signum() <= 0 ? "0"
                        : amount.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP).toPlainString();
                segments.add(new Segment(programme, programmes.indexOf(programme) % 6, amount, width));
            }
            bars.add(new Bar(e.getKey(), names.get(e.getKey()), total, segments));
        }
        return new PayoutChart(bars, programmes);
    }
}
