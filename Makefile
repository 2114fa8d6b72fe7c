# Entry points. Every target bootstraps first, so each works on a fresh Debian 12 machine.
BUILD_DIR ?= build/release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: bootstrap bootstrap-tests build run test test-sanitize fuzz bench bench-lsp bench-report bench-custom-rules dist deb clean snapshot

bootstrap:
	@scripts/bootstrap

bootstrap-tests:
	@EPHEMERA_BOOTSTRAP_TESTS=1 scripts/bootstrap

build: bootstrap
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Scan the bundled example. The findings are the output; the target succeeds when the scan ran.
run: build
	@$(BUILD_DIR)/ephemera scan examples/; status=$$?; [ $$status -le 1 ] || exit $$status

test: bootstrap-tests build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Regenerate tests/corpus/findings-snapshot.tsv (what ephemera reports over ../shared/corpus)
# after a deliberate change in findings; commit it with the change so the diff shows it.
CORPUS ?= ../shared/corpus
snapshot: build
	@$(BUILD_DIR)/tests/ephemera_findings_snapshot $(CORPUS) tests/corpus/findings-snapshot.tsv --update

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer (gcc, -O1).
# SANITIZE_TESTS narrows it with a ctest regex (CI: unit, fixtures, CLI scenarios, corpus sweep).
SANITIZE_DIR ?= build/sanitize
SANITIZE_TESTS ?=
test-sanitize: bootstrap-tests
	@cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEPHEMERA_SANITIZE=ON \
	  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	@cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) $(if $(SANITIZE_TESTS),-R '$(SANITIZE_TESTS)')

# libFuzzer targets (tests/fuzz) in a separate clang build; each runs FUZZ_SECONDS, seeded from the
# rule fixtures and ../shared/corpus. Crashes land in build/fuzz/artifacts/: commit each reproducer
# under tests/regressions/TARGET/ (the `regressions` test replays them). lsp_messages runs without
# libFuzzer's entropic schedule: its feature bookkeeping took most of the time on that target's
# large per-input coverage (measured 153 execs/s with it, 1,032 without, and more coverage).
FUZZ_DIR ?= build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= terraform_module cloudformation_template terraform_plan config_and_suppressions lsp_messages
fuzz: bootstrap-tests
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEPHEMERA_FUZZ=ON \
	  -DBUILD_TESTING=OFF -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@scripts/fuzz-seeds $(FUZZ_DIR)/seeds
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/artifacts; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
	  case $$t in lsp_messages) options=-entropic=0;; *) options=;; esac; \
	  $(FUZZ_DIR)/tests/fuzz/fuzz_$$t $$options -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t- \
	    $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/seeds/$$t 2>$(FUZZ_DIR)/$$t.log \
	    || { tail -40 $(FUZZ_DIR)/$$t.log; exit 1; }; \
	  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)' $(FUZZ_DIR)/$$t.log | tr '\n' ' '; echo; \
	done

# Speed against a parse-only pass of the same files (see bench/README.md).
# SCALE=N: the scale mode instead, the corpus copied N times into a temporary directory, time and
# peak memory of a 2-thread scan; COMPARE=OLD_BINARY measures a previous build in the same run.
BENCH_PATHS ?= ../shared/corpus
SCALE ?=
COMPARE ?=
bench: build
	@$(BUILD_DIR)/bench/ephemera_bench --ephemera $(BUILD_DIR)/ephemera $(if $(SCALE),--scale $(SCALE) --repeat 1) \
	  $(if $(COMPARE),--compare $(COMPARE)) $(BENCH_PATHS)

# What twenty custom rules (examples/custom-rules and bench/custom-rules) add to a full scan.
bench-custom-rules: build
	@$(BUILD_DIR)/bench/ephemera_custom_rules_bench --rules-dir examples/custom-rules --rules-dir bench/custom-rules \
	  $(BENCH_PATHS)

# The HTML report of 10,000 findings rendered to a file in under 2 s (bench/report_render_bench.cpp).
bench-report: build
	@$(BUILD_DIR)/bench/ephemera_report_bench --findings 10000 --limit 2

# Editor latency: didChange -> publishDiagnostics on a generated 3,000-line module (bench/lsp_bench.cpp),
# paused edits and bursts of typing, with the adaptive debounce and with the fixed 75 ms it replaced.
bench-lsp: build
	@$(BUILD_DIR)/bench/ephemera_lsp_bench $(BUILD_DIR)/ephemera
	@$(BUILD_DIR)/bench/ephemera_lsp_bench $(BUILD_DIR)/ephemera 200 100 1 60 5 75

# Release packages in dist/ (README, Install): a tarball of the installed tree whose binary needs
# only the C library, with its .sha256, and a Debian package (CPack), named after `git describe`.
dist: build
	@cmake --build $(BUILD_DIR) --target dist

deb: build
	@cmake --build $(BUILD_DIR) --target deb

clean:
	rm -rf build dist
