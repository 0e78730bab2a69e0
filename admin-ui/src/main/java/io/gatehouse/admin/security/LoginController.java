package io.gatehouse.admin.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The shared login page, asking admin accounts for their username. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("product", "Gatehouse Admin");
        model.addAttribute("loginField", "username");
        model.addAttribute("loginLabel", "Username");
        model.addAttribute("loginType", "text");
        return "shared/login";
    }
}
