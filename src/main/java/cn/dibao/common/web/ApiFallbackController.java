package cn.dibao.common.web;

import cn.dibao.common.error.NotFoundException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Unknown paths under /api answer a problem document rather than an HTML error page. */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown() {
        throw new NotFoundException("API resource", "");
    }
}
