# Entry points. Every target bootstraps first, so each works on a fresh Debian 12 machine.
BUILD_DIR ?= build/release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: bootstrap bootstrap-tests build run test bench bench-lsp clean

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

# Speed against a parse-only pass of the same files (see bench/README.md).
BENCH_PATHS ?= ../shared/corpus
bench: build
	@$(BUILD_DIR)/bench/ephemera_bench --ephemera $(BUILD_DIR)/ephemera $(BENCH_PATHS)

# Editor latency: didChange -> publishDiagnostics on a generated 3,000-line module (bench/lsp_bench.cpp).
bench-lsp: build
	@$(BUILD_DIR)/bench/ephemera_lsp_bench $(BUILD_DIR)/ephemera

clean:
	rm -rf build
