package io.gatehouse.admin.plan;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanRepository;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.core.plan.Quota;
import io.gatehouse.core.plan.RateLimit;

/** Admins define and change an Api's plans; the rules are PlanTerms', the same the gateway relies on. */
@Controller
class PlanController {

    private final PlanService plans;
    private final PlanRepository planRows;
    private final ApiRepository apis;

    PlanController(PlanService plans, PlanRepository planRows, ApiRepository apis) {
        this.plans = plans;
        this.planRows = planRows;
        this.apis = apis;
    }

    @GetMapping("/apis/{apiId}/plans/new")
    String newPlan(@PathVariable long apiId, Model model) {
        return form(api(apiId), null, PlanForm.blank(), List.of(), model);
    }

    @PostMapping("/apis/{apiId}/plans")
    String create(@PathVariable long apiId, PlanForm form, Authentication user, HttpServletRequest request,
            Model model) {
        Api api = api(apiId);
        PlanTerms terms = form.terms();
        if (!terms.problems().isEmpty()) {
            return form(api, null, form, terms.problems(), model);
        }
        plans.create(apiId, terms, Actor.admin(user.getName(), request.getRemoteAddr()));
        return "redirect:/apis/" + apiId + "#plans-heading";
    }

    @GetMapping("/plans/{planId}/edit")
    @Transactional(readOnly = true)
    String edit(@PathVariable long planId, Model model) {
        Plan plan = plan(planId);
        return form(api(plan.getApi().getId()), plan, PlanForm.of(plan), List.of(), model);
    }

    @PostMapping("/plans/{planId}")
    @Transactional
    String update(@PathVariable long planId, PlanForm form, Authentication user, HttpServletRequest request,
            Model model) {
        Plan plan = plan(planId);
        PlanTerms terms = form.terms();
        if (!terms.problems().isEmpty()) {
            return form(api(plan.getApi().getId()), plan, form, terms.problems(), model);
        }
        plans.update(planId, terms, Actor.admin(user.getName(), request.getRemoteAddr()));
        return "redirect:/apis/" + plan.getApi().getId() + "#plans-heading";
    }

    private String form(Api api, Plan plan, PlanForm form, List<String> problems, Model model) {
        model.addAttribute("api", api);
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("ratePeriods", RateLimit.Period.values());
        model.addAttribute("quotaPeriods", Quota.Period.values());
        return "plans/form";
    }

    private Api api(long apiId) {
        return apis.findById(apiId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Plan plan(long planId) {
        return planRows.findById(planId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
