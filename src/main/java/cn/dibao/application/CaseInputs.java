package cn.dibao.application;

import cn.dibao.common.error.DomainException;

import java.util.LinkedHashSet;
import java.util.Set;

/** Small rules on what staff type into a step: reasons, optional texts, column widths. */
final class CaseInputs {

    private CaseInputs() {
    }

    /** The written reason a step needs (refusal, withdrawal, return…): refused when blank. */
    static String reasonOf(ApplicationInput.Reason in) {
        if (in == null || in.reason() == null || in.reason().isBlank()) {
            throw new DomainException("reason", "application.reason.required");
        }
        return in.reason().trim();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A text the input allows but a narrower column does not (closed_reason, extension_reason). */
    static String limited(String field, String text, int max) {
        if (text.codePointCount(0, text.length()) > max) {
            throw new DomainException(field, "application.reason.tooLong", String.valueOf(max)); // no "1,000"
        }
        return text;
    }

    static String abbreviate(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    static Set<String> with(Set<String> set, String code) {
        Set<String> out = new LinkedHashSet<>(set);
        out.add(code);
        return out;
    }
}
