package cn.dibao.home;

import cn.dibao.common.security.CurrentStaff;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return CurrentStaff.principal().isPresent() ? "redirect:/" : "login";
    }
}
