package cn.dibao.home;

import cn.dibao.common.security.StaffPrincipal;

import java.util.List;

/** Implemented by features that put pending work on the home page. */
public interface WorkPanelContributor {

    List<WorkPanel> panelsFor(StaffPrincipal user);
}
