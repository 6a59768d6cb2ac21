# Debian's nginx, unprivileged, in front of fazhi's read-only replicas.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx \
    && rm -rf /var/lib/apt/lists/*
COPY deploy/nginx.conf /etc/nginx/fazhi.conf
USER www-data
EXPOSE 8080
ENTRYPOINT ["nginx", "-c", "/etc/nginx/fazhi.conf", "-g", "daemon off;"]
