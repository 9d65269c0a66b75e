package cn.dibao.home;

import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.StaffPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * The start page: one "my work" panel per role the user holds. Panels are contributed by the
 * features ({@link WorkPanelContributor}); a feature that has nothing pending shows nothing.
 */
@Controller
class HomeController {

    private final List<WorkPanelContributor> contributors;

    HomeController(List<WorkPanelContributor> contributors) {
        this.contributors = contributors;
    }

    @GetMapping("/")
    String home(Model model) {
        StaffPrincipal me = CurrentStaff.require();
        List<WorkPanel> panels = contributors.stream()
                .flatMap(c -> c.panelsFor(me).stream())
                .toList();
        model.addAttribute("panels", panels);
        model.addAttribute("me", me);
        return "home";
    }
}
