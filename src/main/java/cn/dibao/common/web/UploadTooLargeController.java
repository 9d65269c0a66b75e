package cn.dibao.common.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where {@link UploadLimitFilter} sends a browser whose upload was over the size limits. */
@Controller
class UploadTooLargeController {

    @GetMapping(UploadLimitFilter.PAGE)
    String page() {
        return "error/413";
    }
}
