#!/bin/sh
# Creates the Secrets the applications need and no operator generates, once per cluster, with
# random values. They are not in the kustomization, so `kubectl apply -k` never overwrites them.
# Keep a copy of them where your organisation keeps secrets (a lost personal-data master key
# makes the sealed personal data unreadable): export them with
#   kubectl -n humas get secret humas-ppid-secrets -o yaml
# With an external secret manager, create the same names and keys from it instead.
#
#   NAMESPACE=humas deploy/k8s/create-secrets.sh
#
# Also needed, not created here: the TLS certificate (Secret humas-tls, from your CA or
# cert-manager) and the object store credentials of the backups (Secret humas-backup-s3,
# keys ACCESS_KEY_ID and ACCESS_SECRET_KEY, from your object store: deploy/README.md) and the
# portal's data-protection keys (Secret portal-key-ring: deploy/README.md, "The portal's key ring").
set -eu
ns="${NAMESPACE:-humas}"
random() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }

# Ppid only: the key personal data is sealed under (base64 of 32 random bytes) and the HMAC key
# access codes are stored under (never change it: the codes handed out would stop matching).
# To replace the master key later, add the old one as Humas__PersonalData__PreviousMasterKeys__0
# and put the new one in Humas__PersonalData__MasterKey; Ppid re-wraps every key when it starts.
kubectl -n "$ns" create secret generic humas-ppid-secrets \
  --from-literal=Humas__PersonalData__MasterKey="$(random 32)" \
  --from-literal=Humas__Ppid__AccessCodeKey="$(random 32)"

# Clarifications only: the same two kinds of key for reporters' contacts and access codes, its own
# (never Ppid's).
kubectl -n "$ns" create secret generic humas-clarifications-secrets \
  --from-literal=Humas__PersonalData__MasterKey="$(random 32)" \
  --from-literal=Humas__Clarifications__AccessCodeKey="$(random 32)"

# MediaRelations only: the key journalists' personal data is sealed under, of its own, and the
# HMAC key their tokens are stored under (changing it ends every token issued).
kubectl -n "$ns" create secret generic humas-mediarelations-secrets \
  --from-literal=Humas__PersonalData__MasterKey="$(random 32)" \
  --from-literal=Humas__Media__TokenKey="$(random 32)"

# Each service's database role (postgres.yaml: managed roles and pg_hba): humas-postgres-NAME,
# username humas_NAME, for every service of apps.txt.
apps="$(dirname "$0")/../../apps.txt"
for service in $(sed 's/#.*//' "$apps" | awk 'NF == 4 && $1 != "gateway" && $1 != "portal" { print $1 }'); do
  kubectl -n "$ns" create secret generic "humas-postgres-$service" --type=kubernetes.io/basic-auth \
    --from-literal=username="humas_$(echo "$service" | tr - _)" \
    --from-literal=password="$(random 24 | tr -d '/+=')"
done
