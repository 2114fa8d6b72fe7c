// External scanner for tree-sitter-hcl 1.2.0 (linked in place of the grammar's scanner.c when
// EPHEMERA_HCL_SCANNER=own). It produces the same tokens as the grammar's scanner except that
// template text comes out as runs of characters instead of one `_template_literal_chunk` per
// character: the parser then does a fraction of the work on long strings and heredocs.
//
// Contract (externals order of the grammar): quoted_template_start, quoted_template_end,
// _template_literal_chunk, template_interpolation_start, template_interpolation_end,
// template_directive_start, template_directive_end, heredoc_identifier. The scanner keeps a stack
// of open contexts (interpolation, directive, quoted template, heredoc with its identifier); that
// stack is its whole state, saved after every token and restored before every call.
//
// Every decision below mirrors what the grammar's scanner decides for the same input, state and
// valid tokens, including its corner cases (zero-length chunks at heredoc line starts, the
// identifier stored as `char`, state dropped when the stack does not fit its buffer). A run only
// extends a chunk over text for which the grammar's scanner would have returned further chunks of
// the same template literal; tests/hcl_scanner proves the trees identical.
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "tree_sitter/parser.h"

enum {
  QUOTED_START,
  QUOTED_END,
  LITERAL_CHUNK,
  INTERPOLATION_START,
  INTERPOLATION_END,
  DIRECTIVE_START,
  DIRECTIVE_END,
  HEREDOC_IDENTIFIER,
  TOKEN_COUNT,
};

enum { IN_INTERPOLATION, IN_DIRECTIVE, IN_QUOTED, IN_HEREDOC, IN_NOTHING };

typedef struct {
  uint8_t kind;
  uint32_t id_start;  // heredoc identifier: offset into Scanner.ids
  uint32_t id_len;
} Frame;

typedef struct {
  Frame *frames;
  uint32_t depth, frames_cap;
  char *ids;  // identifiers of all open heredocs, innermost last
  uint32_t ids_len, ids_cap;
} Scanner;

static void *grow(void *data, uint32_t *cap, uint32_t need, size_t elem) {
  if (need <= *cap) return data;
  uint32_t next = *cap ? *cap : 8;
  while (next < need) next *= 2;
  void *bigger = realloc(data, (size_t)next * elem);
  if (!bigger) abort();  // tree-sitter has no way to report allocation failure from a scanner
  *cap = next;
  return bigger;
}

static void push_frame(Scanner *s, uint8_t kind, const char *id, uint32_t id_len) {
  s->frames = grow(s->frames, &s->frames_cap, s->depth + 1, sizeof(Frame));
  s->ids = grow(s->ids, &s->ids_cap, s->ids_len + id_len, 1);
  if (id_len) memcpy(s->ids + s->ids_len, id, id_len);
  s->frames[s->depth++] = (Frame){kind, s->ids_len, id_len};
  s->ids_len += id_len;
}

static void pop_frame(Scanner *s) {
  s->depth--;
  s->ids_len = s->frames[s->depth].id_start;
}

static int top_kind(const Scanner *s) { return s->depth ? s->frames[s->depth - 1].kind : IN_NOTHING; }

// --- state: the grammar's scanner stores 4 bytes of depth, then per frame 4 bytes of kind, 4 bytes
// of identifier length and the identifier, and stores nothing (the parser then restores an empty
// stack) when the depth exceeds 127, an identifier exceeds 127 bytes or the next frame would reach
// the 1024-byte buffer. The same limits apply here, computed on that layout, so the stack is lost
// exactly when the grammar's is. Our own layout is smaller: 1 byte depth, per frame 1 byte kind,
// 1 byte length, the identifier. An empty stack still serializes to one byte so that "empty" and
// "lost" stay distinct states, as they are for the grammar (the parser compares states bytewise).
enum { REFERENCE_LIMIT = 127, REFERENCE_BUFFER = 1024, REFERENCE_HEADER = 4, REFERENCE_FRAME = 8 };

static unsigned serialize(const Scanner *s, char *buffer) {
  if (s->depth > REFERENCE_LIMIT) return 0;
  unsigned reference_size = REFERENCE_HEADER;
  for (uint32_t i = 0; i < s->depth; i++) {
    uint32_t len = s->frames[i].id_len;
    if (reference_size + REFERENCE_FRAME + len >= REFERENCE_BUFFER || len > REFERENCE_LIMIT) return 0;
    reference_size += REFERENCE_FRAME + len;
  }
  unsigned size = 0;
  buffer[size++] = (char)s->depth;
  for (uint32_t i = 0; i < s->depth; i++) {
    const Frame *f = &s->frames[i];
    buffer[size++] = (char)f->kind;
    buffer[size++] = (char)f->id_len;
    if (f->id_len) memcpy(buffer + size, s->ids + f->id_start, f->id_len);  // ids is NULL until a heredoc
    size += f->id_len;
  }
  return size;
}

static void deserialize(Scanner *s, const char *buffer, unsigned length) {
  s->depth = 0;
  s->ids_len = 0;
  if (length == 0) return;
  unsigned pos = 0;
  uint32_t depth = (uint8_t)buffer[pos++];
  for (uint32_t i = 0; i < depth; i++) {
    uint8_t kind = (uint8_t)buffer[pos++];
    uint32_t len = (uint8_t)buffer[pos++];
    push_frame(s, kind, buffer + pos, len);
    pos += len;
  }
}

// --- lexing helpers ---
static void advance(TSLexer *lexer) { lexer->advance(lexer, false); }

static bool accept(TSLexer *lexer, int token) {
  lexer->result_symbol = (TSSymbol)token;
  return true;
}

// After a backslash in a quoted template: \" \n \r \t \\ \uXXXX \UXXXXXXXX. Leaves the lexer after
// the sequence, or returns false on anything else (the grammar's scanner then yields no token).
static bool consume_escape(TSLexer *lexer) {
  advance(lexer);  // the backslash
  int digits = 0;
  switch (lexer->lookahead) {
    case '"': case 'n': case 'r': case 't': case '\\':
      advance(lexer);
      return true;
    case 'u': digits = 4; break;
    case 'U': digits = 8; break;
    default: return false;
  }
  for (int i = 0; i < digits; i++) {
    advance(lexer);
    if (!iswxdigit(lexer->lookahead)) return false;
  }
  advance(lexer);
  return true;
}

// Extends the chunk that ends at the lexer's position over the following text of the same literal.
// It stops before anything the next call could turn into another token or into no token: `$` and
// `%` (interpolation, directive, their escapes), `"` in a quoted template, a backslash that is no
// valid escape, NUL/end of input, and whitespace holding a newline (a heredoc may end on the next
// line; a quoted template cannot hold one, so the run stops there too and an unterminated string
// stays as local as it can be). Whitespace is only taken in when run text follows it, because
// before any other token the grammar's scanner leaves it out of the tokens (as padding).
static void extend_run(TSLexer *lexer, bool quoted) {
  lexer->mark_end(lexer);
  for (;;) {
    int32_t c = lexer->lookahead;
    while (iswspace(c)) {
      if (c == '\n') return;
      advance(lexer);
      c = lexer->lookahead;
    }
    if (c == 0 || c == '$' || c == '%' || (quoted && c == '"')) return;
    if (quoted && c == '\\') {
      if (!consume_escape(lexer)) return;
    } else {
      advance(lexer);
    }
    lexer->mark_end(lexer);
  }
}

// `$` or `%` where an interpolation or directive may start: `${`/`%{` opens one, `$${`/`%%{` is an
// escaped literal, a lone `$`/`$$` is literal text.
static bool scan_opener(Scanner *s, TSLexer *lexer, int32_t sigil, uint8_t kind, int token) {
  advance(lexer);
  if (lexer->lookahead == '{') {
    push_frame(s, kind, NULL, 0);
    advance(lexer);
    return accept(lexer, token);
  }
  if (lexer->lookahead == sigil) {
    advance(lexer);
    if (lexer->lookahead == '{') advance(lexer);
  }
  return accept(lexer, LITERAL_CHUNK);
}

// After `<<`/`<<-`: the identifier (possibly empty) opens a heredoc. Characters are kept as `char`,
// as the grammar's scanner keeps them, so the closing comparison treats non-ASCII alike.
static bool scan_heredoc_open(Scanner *s, TSLexer *lexer) {
  char *id = NULL;
  uint32_t len = 0, cap = 0;
  while (iswalnum(lexer->lookahead) || lexer->lookahead == '_' || lexer->lookahead == '-') {
    id = grow(id, &cap, len + 1, 1);
    id[len++] = (char)lexer->lookahead;
    advance(lexer);
  }
  push_frame(s, IN_HEREDOC, id, len);
  free(id);
  return accept(lexer, HEREDOC_IDENTIFIER);
}

// At the first non-blank character of a heredoc line: the identifier alone on its line (trailing
// blanks allowed, then a newline) closes the heredoc; otherwise the characters matched so far are
// a chunk (zero-length when the first one differs).
static bool scan_heredoc_line_start(Scanner *s, TSLexer *lexer) {
  const Frame *f = &s->frames[s->depth - 1];
  for (uint32_t i = 0; i < f->id_len; i++) {
    if (lexer->lookahead != s->ids[f->id_start + i]) return accept(lexer, LITERAL_CHUNK);
    advance(lexer);
  }
  lexer->mark_end(lexer);
  while (iswspace(lexer->lookahead) && lexer->lookahead != '\n') advance(lexer);
  if (lexer->lookahead == '\n') {
    pop_frame(s);
    return accept(lexer, HEREDOC_IDENTIFIER);
  }
  advance(lexer);
  lexer->mark_end(lexer);
  return accept(lexer, LITERAL_CHUNK);
}

static bool scan(Scanner *s, TSLexer *lexer, const bool *valid) {
  bool after_newline = false;
  while (iswspace(lexer->lookahead)) {
    if (lexer->lookahead == '\n') after_newline = true;
    lexer->advance(lexer, true);
  }
  int32_t c = lexer->lookahead;
  if (c == 0) return false;
  int top = top_kind(s);

  if (c == '"' && valid[QUOTED_START] && top != IN_QUOTED) {
    push_frame(s, IN_QUOTED, NULL, 0);
    advance(lexer);
    return accept(lexer, QUOTED_START);
  }
  if (c == '"' && valid[QUOTED_END] && top == IN_QUOTED) {
    pop_frame(s);
    advance(lexer);
    return accept(lexer, QUOTED_END);
  }
  if (c == '$' && valid[INTERPOLATION_START] && valid[LITERAL_CHUNK] && top != IN_INTERPOLATION)
    return scan_opener(s, lexer, '$', IN_INTERPOLATION, INTERPOLATION_START);
  if (c == '}' && valid[INTERPOLATION_END] && top == IN_INTERPOLATION) {
    pop_frame(s);
    advance(lexer);
    return accept(lexer, INTERPOLATION_END);
  }
  if (c == '%' && valid[DIRECTIVE_START] && valid[LITERAL_CHUNK] && top != IN_DIRECTIVE)
    return scan_opener(s, lexer, '%', IN_DIRECTIVE, DIRECTIVE_START);
  if (c == '}' && valid[DIRECTIVE_END] && top == IN_DIRECTIVE) {
    pop_frame(s);
    advance(lexer);
    return accept(lexer, DIRECTIVE_END);
  }
  if (valid[HEREDOC_IDENTIFIER] && top != IN_HEREDOC) return scan_heredoc_open(s, lexer);
  if (valid[HEREDOC_IDENTIFIER] && top == IN_HEREDOC && after_newline) return scan_heredoc_line_start(s, lexer);

  if (!valid[LITERAL_CHUNK] || (top != IN_QUOTED && top != IN_HEREDOC)) return false;
  bool quoted = top == IN_QUOTED;
  if (quoted && c == '\\') {
    if (!consume_escape(lexer)) return false;
  } else {
    advance(lexer);
  }
  // During error recovery every token is valid and the parser weighs its options token by token:
  // there the chunks stay one character long, exactly as the grammar's scanner makes them.
  bool recovering = true;
  for (int i = 0; i < TOKEN_COUNT; i++) recovering = recovering && valid[i];
  if (!recovering) extend_run(lexer, quoted);
  return accept(lexer, LITERAL_CHUNK);
}

void *tree_sitter_hcl_external_scanner_create(void) {
  Scanner *s = calloc(1, sizeof(Scanner));
  if (!s) abort();
  return s;
}

void tree_sitter_hcl_external_scanner_destroy(void *payload) {
  Scanner *s = payload;
  free(s->frames);
  free(s->ids);
  free(s);
}

unsigned tree_sitter_hcl_external_scanner_serialize(void *payload, char *buffer) {
  return serialize(payload, buffer);
}

void tree_sitter_hcl_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  deserialize(payload, buffer, length);
}

bool tree_sitter_hcl_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  return scan(payload, lexer, valid_symbols);
}
