package io.gatehouse.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.audit.Actor;

/** Self-service sign-up: a new consumer account, then the login page. */
@Controller
class SignupController {

    private final AccountService accounts;

    SignupController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", SignupForm.empty());
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors, HttpServletRequest request) {
        if (errors.hasErrors()) {
            return "signup";
        }
        try {
            accounts.registerConsumer(form.email(), form.displayName(), form.password(),
                    Actor.consumer(form.email(), request.getRemoteAddr()));
        } catch (IllegalArgumentException refused) {
            errors.reject("signup", refused.getMessage());
            return "signup";
        }
        return "redirect:/login?signedUp";
    }
}
