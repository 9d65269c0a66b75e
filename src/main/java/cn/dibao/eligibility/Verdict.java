package cn.dibao.eligibility;

import cn.dibao.engine.Programme;
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

    String of(CheckReport r, List<CheckReport.Absence> absent) {
        String members = absent.isEmpty() ? null
                : text("eligibility.verdict.members", r.countedMembers()) + "："
                + absent.stream().map(this::phrase).collect(Collectors.joining("，"));
        if (r.category() != null) {
            return members;
        }
        // with nobody counted, the members' line already says why: the rule "0 人" is not repeated
        String nothing = r.countedMembers() == 0 && members != null ? CheckReport.NO_CATEGORY
                : text("eligibility.verdict.nothing", firstFailure(r));
        return members == null ? nothing : members + "；" + nothing;
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
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : java.util.Arrays.stream(args)
                .map(x -> x == null ? "" : x.toString()).toArray(), ZH);
    }
}
