package io.gatehouse.web;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown written by strangers (OpenAPI descriptions) turned into HTML that is safe to put into a page: raw HTML in
 * the source is shown as text (escaped, never passed through; HTML comments are dropped), and the output then goes through an allow-list sanitiser that keeps
 * only text formatting, lists, headings, tables, code, quotes and links to http, https and mailto addresses. Images
 * become their alt text, so a description cannot make the reader's browser fetch anything. Thread-safe.
 */
public final class Markdown {

    /** Headings move down two levels: a description's "# Title" sits below the page's own h1 and h2. */
    private static final int HEADING_OFFSET = 2;
    /** An HTML comment (ReDoc's "<!-- ReDoc-Inject: ... -->" markers): nothing a reader needs to see. */
    private static final Pattern HTML_COMMENT = Pattern.compile("(?s)<!--.*-->");
    /** For plain-text summaries only, where whatever is left is escaped like any other text. */
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    /** Absolute http(s) and mailto only: relative links would point into the portal, other schemes can run code. */
    private static final Pattern SAFE_HREF = Pattern.compile("(?i)(?:https?://|mailto:)[^\\s]+");

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .nodeRendererFactory(AltTextOnly::new)
            .nodeRendererFactory(RawHtmlAsText::new)
            .build();
    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
                    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching((element, attribute, value) ->
                    SAFE_HREF.matcher(value).matches() ? value : null).onElements("a")
            .allowAttributes("title").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}")).onElements("code")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .toFactory();

    /** Safe HTML for {@code markdown}; empty for null or blank input. */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + HEADING_OFFSET));
                visitChildren(heading);
            }
        });
        return policy.sanitize(renderer.render(document));
    }

    /**
     * The first paragraph of {@code markdown} as plain text on one line, cut at a word boundary to at most
     * {@code maxLength} characters (with an ellipsis); empty for null or blank input. Escape it like any other text.
     */
    public String summary(String markdown, int maxLength) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        Node first = null;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Paragraph) {
                first = block;
                break;
            }
            if (first == null && block instanceof Block) {
                first = block;
            }
        }
        StringBuilder text = new StringBuilder();
        if (first != null) {
            first.accept(new PlainText(text));
        }
        String plain = text.toString().replaceAll("\\s+", " ").strip();
        if (plain.length() <= maxLength) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', maxLength - 1);
        return plain.substring(0, cut > maxLength / 2 ? cut : maxLength - 1).stripTrailing() + "…";
    }

    /** The text of a block without any markup: link text without its address, code as written, HTML without tags. */
    private static final class PlainText extends AbstractVisitor {

        private final StringBuilder out;

        PlainText(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(HtmlInline html) {
            // a tag on its own: no text
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(HTML_TAG.matcher(html.getLiteral()).replaceAll(" "));
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append(' ');
        }
    }

    /** Renders raw HTML as the text it is (escaped), and HTML comments as nothing. */
    private static final class RawHtmlAsText implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        RawHtmlAsText(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class, HtmlInline.class);
        }

        @Override
        public void render(Node node) {
            boolean block = node instanceof HtmlBlock;
            String literal = block ? ((HtmlBlock) node).getLiteral() : ((HtmlInline) node).getLiteral();
            if (HTML_COMMENT.matcher(literal.strip()).matches()) {
                return;
            }
            HtmlWriter html = context.getWriter();
            if (block) {
                html.line();
                html.tag("p");
                html.text(literal.strip());
                html.tag("/p");
                html.line();
            } else {
                html.text(literal);
            }
        }
    }

    /** Renders an image as its alt text. */
    private static final class AltTextOnly implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        AltTextOnly(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
        }
    }
}
