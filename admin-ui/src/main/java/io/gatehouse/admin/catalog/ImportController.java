package io.gatehouse.admin.catalog;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.catalog.ApiVersion;
import io.gatehouse.core.catalog.ApiVersionRepository;
import io.gatehouse.importer.ImportedApi;
import io.gatehouse.importer.InvalidDocumentException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The import wizard: choose a source (file, pasted text or URL) -> preview -> confirm where the Api is served.
 * Importing into an existing Api makes a new version of it instead, previewed with its diff. Each step is one
 * handler that renders the whole page, or only the {@code import-step} fragment for an HTMX request.
 */
@Controller
class ImportController {

    private static final String PAGE = "apis/import";
    private static final String STEP = "apis/import :: import-step";

    private final ApiImportService imports;
    private final ImportDrafts drafts;
    private final DocumentSources sources;
    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final AdminUserRepository users;

    ImportController(ApiImportService imports, ImportDrafts drafts, DocumentSources sources, ApiRepository apis,
            ApiVersionRepository versions, AdminUserRepository users) {
        this.imports = imports;
        this.drafts = drafts;
        this.sources = sources;
        this.apis = apis;
        this.versions = versions;
        this.users = users;
    }

    @GetMapping("/apis/import")
    String start(@RequestParam(required = false) Long apiId, Model model) {
        model.addAttribute("target", apiId == null ? null : api(apiId));
        return PAGE;
    }

    @PostMapping("/apis/import/preview")
    String preview(@RequestParam String source, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String text, @RequestParam(required = false) String url,
            @RequestParam(required = false) Long apiId, Authentication user, HtmxRequest htmx, Model model) {
        Api target = apiId == null ? null : api(apiId);
        model.addAttribute("target", target);
        model.addAttribute("source", source);
        model.addAttribute("url", url);
        try {
            DocumentSources.Fetched fetched = switch (source) {
                case "file" -> sources.fromFile(file);
                case "url" -> sources.fromUrl(url);
                default -> sources.fromText(text);
            };
            ImportedApi api = imports.read(fetched.document());
            String draftId = drafts.save(user.getName(), fetched.label(), fetched.document());
            ImportPreview preview = ImportPreview.of(draftId, fetched.label(), api);
            model.addAttribute("preview", preview);
            if (target != null) {
                ApiVersion current = versions.findByApiIdOrderByImportedAtDesc(target.getId()).get(0);
                model.addAttribute("currentVersion", current);
                model.addAttribute("diff", VersionDiff.between(current.getDocument(), fetched.document()));
            } else {
                model.addAttribute("placement", new PlacementForm(draftId, preview.suggestedContextPath(),
                        api.servers().isEmpty(), String.join("\n", api.servers().stream()
                                .map(ImportedApi.ServerInfo::url).filter(u -> u.startsWith("http")).toList()),
                        null, null, null));
                model.addAttribute("owners", users.findAll());
            }
        } catch (InvalidDocumentException refused) {
            model.addAttribute("problems", refused.problems());
        } catch (IOException unreadable) {
            model.addAttribute("problems", List.of("The file could not be read: " + unreadable.getMessage()));
        }
        return htmx.isHtmxRequest() ? STEP : PAGE;
    }

    @PostMapping("/apis/import/confirm")
    String confirm(PlacementForm placement, Authentication user, HttpServletRequest request, HtmxRequest htmx,
            Model model) {
        ImportDrafts.Draft draft = drafts.find(placement.draftId(), user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This import has expired."));
        try {
            Api api = imports.importDocument(draft.document(), placement.toNewApi(),
                    Actor.admin(user.getName(), request.getRemoteAddr()));
            drafts.delete(draft.id());
            return "redirect:/apis/" + api.getId() + "?imported";
        } catch (InvalidDocumentException | IllegalArgumentException refused) {
            ImportedApi api = readQuietly(draft.document());
            model.addAttribute("preview", ImportPreview.of(draft.id(), draft.source(), api));
            model.addAttribute("placement", placement);
            model.addAttribute("owners", users.findAll());
            model.addAttribute("placementError", refused.getMessage());
            return htmx.isHtmxRequest() ? STEP : PAGE;
        }
    }

    @PostMapping("/apis/{apiId}/versions")
    String importVersion(@PathVariable long apiId, @RequestParam String draftId, Authentication user,
            HttpServletRequest request) throws InvalidDocumentException {
        api(apiId);
        ImportDrafts.Draft draft = drafts.find(draftId, user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This import has expired."));
        ApiVersion version = imports.importVersion(apiId, draft.document(),
                Actor.admin(user.getName(), request.getRemoteAddr()));
        drafts.delete(draft.id());
        return "redirect:/apis/" + apiId + "/versions/" + version.getId() + "/diff";
    }

    private Api api(long apiId) {
        return apis.findById(apiId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ImportedApi readQuietly(String document) {
        try {
            return imports.read(document);
        } catch (InvalidDocumentException e) {
            throw new IllegalStateException("a stored draft no longer reads", e);
        }
    }
}
