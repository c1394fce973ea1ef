#!/usr/bin/env bash
# A throw-away test CA and a server certificate for the loopback telephony stack, made at test
# time (never committed, valid 2 days):   scripts/telephony/make-certs.sh DIR
#   DIR/ca.pem          the CA certificate (trust it in a test browser profile only)
#   DIR/server.pem|key  the server certificate (SAN 127.0.0.1-127.0.0.9, ::1, localhost) and key
#   DIR/spki            base64 SHA-256 of the server key's SubjectPublicKeyInfo, for
#                       chromium --ignore-certificate-errors-spki-list (that one key only)
# The CA key is deleted once the server certificate is signed: nothing else can be issued.
set -euo pipefail
DIR="${1:?usage: make-certs.sh DIR}"
mkdir -p "$DIR"
chmod 700 "$DIR"
cd "$DIR"
umask 077
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj "/CN=agent-dialer test CA $(date +%s)" -keyout ca.key -out ca.pem \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
  -keyout server.key -out server.csr 2>/dev/null
san="IP:::1,DNS:localhost"
for i in 1 2 3 4 5 6 7 8 9; do san="IP:127.0.0.$i,$san"; done
printf 'subjectAltName=%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' "$san" >ext.cnf
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile ext.cnf -out server.pem 2>/dev/null
rm -f ca.key ca.srl server.csr ext.cnf
openssl x509 -in server.pem -noout -pubkey | openssl pkey -pubin -outform der |
  openssl dgst -sha256 -binary | base64 >spki
chmod 644 ca.pem server.pem spki
