package io.gatehouse.admin.catalog;

/** Small documents for import tests: a first version, and a second that breaks it. */
final class ImportDocuments {

    private ImportDocuments() {
    }

    static String inventory(String title, String version) {
        return """
                openapi: 3.0.3
                info: {title: '%s', version: '%s', description: Stock levels}
                servers: [{url: 'https://inventory.example.com/v1'}]
                tags: [{name: items}, {name: stock}]
                components:
                  securitySchemes:
                    key: {type: apiKey, in: header, name: X-Inventory-Key}
                paths:
                  /items:
                    get:
                      tags: [items]
                      summary: List items
                      responses:
                        '200': {description: ok, content: {application/json: {example: [{sku: A1}]}}}
                  /items/{sku}:
                    get:
                      tags: [items]
                      summary: One item
                      parameters: [{name: sku, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200': {description: ok}
                  /stock:
                    get:
                      tags: [stock]
                      summary: Stock levels
                      responses:
                        '200': {description: ok}
                """.formatted(title, version);
    }

    /** Removes GET /stock, adds a required query parameter to GET /items, adds POST /items. */
    static String inventoryBroken(String title) {
        return """
                openapi: 3.0.3
                info: {title: '%s', version: 2.0.0}
                tags: [{name: items}]
                paths:
                  /items:
                    get:
                      tags: [items]
                      summary: List items
                      parameters: [{name: warehouse, in: query, required: true, schema: {type: string}}]
                      responses:
                        '200': {description: ok}
                    post:
                      tags: [items]
                      summary: Add an item
                      responses:
                        '201': {description: created}
                  /items/{sku}:
                    get:
                      tags: [items]
                      summary: One item
                      parameters: [{name: sku, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200': {description: ok}
                """.formatted(title);
    }
}
