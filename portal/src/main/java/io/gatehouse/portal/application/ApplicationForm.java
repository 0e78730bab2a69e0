package io.gatehouse.portal.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.gatehouse.core.application.ApplicationService;

/** What a consumer may set on an application: its name and description, nothing else. */
record ApplicationForm(
        @NotBlank(message = "Enter a name.")
        @Size(max = ApplicationService.MAX_NAME, message = "Use at most 100 characters.") String name,
        @Size(max = ApplicationService.MAX_DESCRIPTION, message = "Use at most 2000 characters.") String description) {

    static ApplicationForm empty() {
        return new ApplicationForm("", "");
    }
}
