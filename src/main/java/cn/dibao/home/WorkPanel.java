package cn.dibao.home;

import cn.dibao.common.security.Role;

import java.util.List;

/**
 * A "my work" panel on the home page: a title (message key), the role it serves, and lines,
 * each a label key, a count and a link.
 */
public record WorkPanel(Role role, String titleKey, List<Line> lines) {

    public record Line(String labelKey, long count, String href) {
    }
}
