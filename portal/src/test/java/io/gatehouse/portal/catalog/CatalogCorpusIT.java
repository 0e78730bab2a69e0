package io.gatehouse.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.CatalogService;
import io.gatehouse.core.plan.PlanService;
import io.gatehouse.portal.PortalTest;
import io.gatehouse.testsupport.WebSession;

/**
 * Every document the shared corpus marks as valid renders in the portal: its API page lists every operation and
 * webhook, and each of their pages renders.
 */
@PortalTest
class CatalogCorpusIT {

    @LocalServerPort
    int port;
    @Autowired
    CatalogService catalogService;
    @Autowired
    PlanService planService;
    @Autowired
    CatalogModels models;
    @Autowired
    io.gatehouse.core.catalog.ApiRepository apis;

    WebSession session;

    static Stream<String> validDocuments() throws IOException {
        return Files.readAllLines(CatalogFixture.corpusDirectory().resolve("MANIFEST.tsv")).stream()
                .skip(1)
                .map(line -> line.split("\t"))
                .filter(columns -> columns.length > 1 && columns[1].equals("valid"))
                .map(columns -> columns[0]);
    }

    @BeforeEach
    void visitor() {
        session = new WebSession("http://localhost:" + port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDocuments")
    void everyOperationAndWebhookIsListedAndRenders(String file) {
        Api api = new CatalogFixture(catalogService, planService).publishCorpus(file);
        long versionId = apis.findListing(api.getId(), PortalCatalog.LISTED).orElseThrow().getVersionId();
        ApiModel model = models.of(versionId).orElseThrow();

        HttpResponse<String> page = session.get("/apis/" + api.getId());
        assertThat(page.statusCode()).isEqualTo(200);
        Set<String> operations = links(page.body(), api, "operations");
        Set<String> webhooks = links(page.body(), api, "webhooks");
        assertThat(operations).containsExactlyInAnyOrderElementsOf(
                model.operations().stream().map(ApiModel.Entry::key).toList());
        assertThat(webhooks).containsExactlyInAnyOrderElementsOf(
                model.webhooks().stream().map(ApiModel.Entry::key).toList());

        for (String key : operations) {
            assertThat(session.get("/apis/" + api.getId() + "/operations/" + key).statusCode()).as(key).isEqualTo(200);
        }
        for (String key : webhooks) {
            assertThat(session.get("/apis/" + api.getId() + "/webhooks/" + key).statusCode()).as(key).isEqualTo(200);
        }
    }

    private static Set<String> links(String html, Api api, String kind) {
        Matcher links = Pattern.compile("href=\"/apis/" + api.getId() + "/" + kind + "/([^\"]+)\"").matcher(html);
        Set<String> keys = new LinkedHashSet<>();
        while (links.find()) {
            keys.add(links.group(1));
        }
        return keys;
    }
}
