package io.gatehouse.portal.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The shared login page, asking consumers for their email and offering sign-up. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("product", "Gatehouse Developer Portal");
        model.addAttribute("loginField", "email");
        model.addAttribute("loginLabel", "Email");
        model.addAttribute("loginType", "email");
        model.addAttribute("signupUrl", "/signup");
        return "shared/login";
    }
}
