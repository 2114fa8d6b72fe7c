# ephemera in a container. Build:  docker build -t ephemera .
# Run on the current directory:     docker run --rm -v "$PWD:/src" ephemera scan .
#
# The builder runs the project's own bootstrap and build (make build: apt packages, the pinned
# grammars from npm, CMake). Its ephemera links libstdc++, libgcc and yaml-cpp statically, so
# the final image needs nothing but Debian's C library.
FROM debian:12 AS build
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends make ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make build JOBS="$(nproc)" BUILD_DIR=build/docker CMAKE_FLAGS=-DBUILD_TESTING=OFF \
    && cmake --install build/docker --prefix /opt/ephemera --strip \
    && /opt/ephemera/bin/ephemera --version

FROM debian:12-slim
COPY --from=build /opt/ephemera/bin/ephemera /usr/local/bin/ephemera
WORKDIR /src
ENTRYPOINT ["ephemera"]
CMD ["scan", "."]
