package cn.dibao.eligibility;

import cn.dibao.engine.Programme;
import cn.dibao.engine.RuleCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one line that says why a check counts fewer persons than the file lists, or finds nothing
 * to pay (ADR 0022): "共同生活家庭成员 0 人：户主 张三自 2026-12-03 起共同生活；不符合各项救助条件：…".
 * Stored with the check (zh-CN, the language of the file and the notice), shown on the report and
 * in the 初审 refusal. Null when everyone is counted and a programme pays.
 */
@Component
class Verdict {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    Verdict(MessageSource messages) {
        this.messages = messages;
    }

    String of(CheckReport r, List<CheckReport.Absence> all) {
        // a flagged person counted by override is counted: the report lists him, the verdict does not
        List<CheckReport.Absence> absent = all.stream().filter(CheckReport.Absence::leftOut).toList();
        String members = absent.isEmpty() ? null
                : text("eligibility.verdict.members", r.countedMembers()) + "："
                + absent.stream().map(this::phrase).collect(Collectors.joining("，"));
        String child = childPending(r);
        if (r.category() != null) {
            return join(members, child);
        }
        // with nobody counted, the members' line already says why: the rule "0 人" is not repeated
        String nothing = r.countedMembers() == 0 && members != null ? CheckReport.NO_CATEGORY
                : text("eligibility.verdict.nothing", firstFailure(r));
        return join(join(members, nothing), child);
    }

    /**
     * A 孤儿 / 事实无人抚养儿童 who meets the 特困 conditions but chose the child benefit, or has no choice
     * recorded yet (ADR 0017): said in the verdict even when another programme pays.
     */
    private static String childPending(CheckReport r) {
        String s = r.programmes().stream().flatMap(p -> p.rules().stream())
                .filter(x -> !x.passed() && RuleCode.TEKUN_CHILD_STATUS.name().equals(x.code()))
                .map(CheckReport.Rule::text).collect(Collectors.joining("；"));
        return s.isEmpty() ? null : s;
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null || a.contains(b) ? a : a + "；" + b;
    }

    /** The first rule 低保 fails (the programme most households apply for), else of any programme. */
    private static String firstFailure(CheckReport r) {
        return r.programmes().stream()
                .sorted((a, b) -> Boolean.compare(b.programme() == Programme.DIBAO, a.programme() == Programme.DIBAO))
                .flatMap(p -> p.rules().stream()).filter(x -> !x.passed()).map(CheckReport.Rule::text)
                .findFirst().orElse("");
    }

    private String phrase(CheckReport.Absence a) {
        String who = (a.relation() == null ? "" : text("enum.Relation." + a.relation()) + " ") + a.name();
        return switch (a.kind()) {
            case JOINED_LATER -> text("eligibility.verdict.joined", who, a.on());
            case LEFT -> text("eligibility.verdict.left", who, a.on());
            case NOT_COUNTED -> text("eligibility.verdict.notCounted", who,
                    a.reason() == null ? "" : text("enum.NotCountedReason." + a.reason()));
            case COUNTED_BY_OVERRIDE -> who;
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : java.util.Arrays.stream(args)
                .map(x -> x == null ? "" : x.toString()).toArray(), ZH);
    }
}
