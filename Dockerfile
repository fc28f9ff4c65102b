# Suara Desa in a container: a static binary on a small Debian base.
#   docker build -t suaradesa .
#   docker compose -f configs/compose.yaml up
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/suaradesa ./cmd/suaradesa

FROM debian:bookworm-slim
# ca-certificates for the WhatsApp and SMS gateways' HTTPS, tzdata for the
# kecamatan time zones (WIB, WITA, WIT).
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /var/lib/suaradesa --create-home suaradesa
COPY --from=build /out/suaradesa /usr/local/bin/suaradesa
USER suaradesa
WORKDIR /var/lib/suaradesa
ENV HTTP_ADDR=0.0.0.0:8080 DATA_DIR=/var/lib/suaradesa/files LOG_FORMAT=json SIM_ENABLED=false
VOLUME /var/lib/suaradesa
EXPOSE 8080
# serve migrates the database first; SIGTERM finishes the messages in hand.
STOPSIGNAL SIGTERM
ENTRYPOINT ["suaradesa"]
CMD ["serve"]
