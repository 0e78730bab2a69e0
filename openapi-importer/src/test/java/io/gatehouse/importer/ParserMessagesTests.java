package io.gatehouse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserMessagesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            attribute info.title is missing                        | The document has no info.title, which an API description must have.
            attribute paths.'/users'(get).responses is missing     | The field paths.'/users'(get).responses is missing.
            attribute paths.'/a'(get).responses.200.content.'application/json'.schema.#/components/schemas/X is missing | The reference #/components/schemas/X at paths.'/a'(get).responses.200.content.'application/json'.schema points to nothing in the document.
            attribute info.license.identifier is unexpected       | The field info.license.identifier is not expected there and was ignored.
            attribute components.schemas.User.items is not of type `object` | The field components.schemas.User.items should be of type object.
            attribute paths.'/pets/{id}'(post).operationId is repeated | The value of paths.'/pets/{id}'(post).operationId is used more than once, but must be unique.
            Duplicate field 200 in `null`                          | The key 200 appears more than once in the same mapping; only one of them is kept.
            info.contact.test                                      | The URL test in info.contact is not a valid URL.
            .servers.variables.var.enum array MUST NOT be empty    | The parser reports: servers.variables.var.enum array MUST NOT be empty.
            """)
    void turnsParserMessagesIntoSentences(String message, String sentence) {
        assertThat(ParserMessages.sentence(message)).isEqualTo(sentence);
    }

    @Test
    void refusesForMissingEssentialsAndBrokenMustRulesAndWarnsForTheRest() {
        ParserMessages messages = new ParserMessages(List.of("attribute info.version is missing",
                ".servers.variables.var.enum array MUST NOT be empty", "attribute paths.'/a'(get).responses is missing",
                "attribute x is unexpected", "attribute x is unexpected"));
        assertThat(messages.problems).hasSize(2);
        assertThat(messages.warnings).containsExactly("The field paths.'/a'(get).responses is missing.",
                "The field x is not expected there and was ignored.");
    }
}
