package io.gatehouse.portal.account;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.portal.security.CurrentConsumer;

/**
 * The consumer's own account: quota alerts, change the password, or delete the account (confirmed with the
 * password).
 */
@Controller
class AccountController {

    private final AccountService accounts;
    private final CurrentConsumer current;

    AccountController(AccountService accounts, CurrentConsumer current) {
        this.accounts = accounts;
        this.current = current;
    }

    @GetMapping("/account")
    String account(Principal principal, Model model) {
        model.addAttribute("passwordForm", PasswordForm.empty());
        model.addAttribute("deleteForm", DeleteAccountForm.empty());
        return page(principal, model);
    }

    @PostMapping("/account/password")
    String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors,
            Principal principal, HttpServletRequest request, Model model) {
        if (!errors.hasErrors()) {
            try {
                accounts.changePassword(current.id(principal), form.currentPassword(), form.newPassword(),
                        CurrentConsumer.actor(principal, request));
                return "redirect:/account?passwordChanged";
            } catch (IllegalArgumentException refused) {
                errors.reject("password", refused.getMessage());
            }
        }
        model.addAttribute("deleteForm", DeleteAccountForm.empty());
        return page(principal, model);
    }

    /** The shares of a quota at which the consumer wants to be told; no box ticked: never. */
    @PostMapping("/account/quota-alerts")
    String quotaAlerts(@RequestParam(name = "threshold", required = false) List<Integer> thresholds,
            Principal principal, HttpServletRequest request) {
        try {
            accounts.chooseQuotaAlerts(current.id(principal), thresholds == null ? List.of() : thresholds,
                    CurrentConsumer.actor(principal, request));
        } catch (IllegalArgumentException refused) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refused.getMessage());
        }
        return "redirect:/account?alertsSaved";
    }

    /** Revokes every key, ends every live subscription, marks the account DELETED and logs out. */
    @PostMapping("/account/delete")
    String delete(@Valid @ModelAttribute("deleteForm") DeleteAccountForm form, BindingResult errors,
            Principal principal, HttpServletRequest request, Model model) throws ServletException {
        if (!errors.hasErrors()) {
            try {
                accounts.deleteConsumer(current.id(principal), form.password(),
                        CurrentConsumer.actor(principal, request));
                request.logout();
                return "redirect:/?accountDeleted";
            } catch (IllegalArgumentException refused) {
                errors.reject("delete", refused.getMessage());
            }
        }
        model.addAttribute("passwordForm", PasswordForm.empty());
        return page(principal, model);
    }

    private String page(Principal principal, Model model) {
        Consumer consumer = current.of(principal);
        model.addAttribute("email", consumer.getEmail());
        model.addAttribute("displayName", consumer.getDisplayName());
        model.addAttribute("quotaAlerts", consumer.getQuotaAlerts());
        model.addAttribute("quotaAlertChoices", Consumer.QUOTA_ALERT_THRESHOLDS);
        return "account";
    }
}
