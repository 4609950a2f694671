#!/usr/bin/env bash
# Gives the server's identity access to exactly one SharePoint site (Sites.Selected):
#   1. assigns the Microsoft Graph application permission Sites.Selected to the identity's service
#      principal (this is the admin consent; a managed identity cannot be consented in the portal);
#   2. grants the identity a role on the site: POST /sites/{site-id}/permissions.
# Both steps are idempotent: run it again to change the role or to check that all is in place.
#
# Who may run it: an administrator whose Graph token carries
#   - AppRoleAssignment.ReadWrite.All and Application.Read.All (step 1; in practice a Global
#     Administrator or Privileged Role Administrator), and
#   - Sites.FullControl.All (step 2; delegated, the user must also be a SharePoint Administrator).
# The token comes from GRAPH_TOKEN if set, otherwise from `az account get-access-token`.
# GRAPH_BASE_URL overrides the Graph endpoint (tests point it at a local fake).
#
# Usage: infra/grant-site-access.sh --site <site-id> --app-id <client-id> [--name <display-name>] [--role write|fullcontrol]
#   --app-id  the client id of the identity: GRAPH_CLIENT_ID in env/.env.<environment>
#   --role    write (default): read and write items, which is all the server needs;
#             fullcontrol: also create lists and columns (for `npm run provision`); set it back to write afterwards.
set -euo pipefail

graph="${GRAPH_BASE_URL:-https://graph.microsoft.com/v1.0}"
graph_app_id="00000003-0000-0000-c000-000000000000"
site="" app_id="" name="Kvalitetshjulet" role="write"

while [ $# -gt 0 ]; do
  case "$1" in
    --site) site="$2"; shift 2 ;;
    --app-id) app_id="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --role) role="$2"; shift 2 ;;
    *) echo "Unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ -z "$site" ] || [ -z "$app_id" ]; then
  echo "Usage: $0 --site <site-id> --app-id <client-id> [--name <display-name>] [--role write|fullcontrol]" >&2
  exit 2
fi
case "$role" in read|write|manage|fullcontrol) ;; *) echo "Unknown role: $role" >&2; exit 2 ;; esac
for tool in curl jq; do command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }; done

token="${GRAPH_TOKEN:-}"
if [ -z "$token" ]; then
  token="$(az account get-access-token --resource-type ms-graph --query accessToken --output tsv)"
fi

# call METHOD PATH [JSON-BODY]: prints the response body, fails on an HTTP error with Graph's message.
call() {
  local method="$1" path="$2" body="${3:-}" response status
  if [ -n "$body" ]; then
    response="$(curl -sS -w '\n%{http_code}' -X "$method" "$graph$path" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data "$body")"
  else
    response="$(curl -sS -w '\n%{http_code}' -X "$method" "$graph$path" -H "Authorization: Bearer $token")"
  fi
  status="${response##*$'\n'}"
  response="${response%$'\n'*}"
  if [ "$status" -ge 400 ]; then
    echo "$method $path -> $status: $(jq -r '.error.code + ": " + .error.message' <<<"$response" 2>/dev/null || echo "$response")" >&2
    return 1
  fi
  printf '%s' "$response"
}

# 1. Sites.Selected for the identity
principal_id="$(call GET "/servicePrincipals(appId='$app_id')?\$select=id" | jq -r .id)"
graph_sp="$(call GET "/servicePrincipals(appId='$graph_app_id')?\$select=id,appRoles")"
graph_sp_id="$(jq -r .id <<<"$graph_sp")"
sites_selected="$(jq -r '.appRoles[] | select(.value == "Sites.Selected") | .id' <<<"$graph_sp")"
assigned="$(call GET "/servicePrincipals/$principal_id/appRoleAssignments" \
  | jq -r --arg role "$sites_selected" --arg resource "$graph_sp_id" '[.value[] | select(.appRoleId == $role and .resourceId == $resource)] | length')"
if [ "$assigned" = "0" ]; then
  call POST "/servicePrincipals/$principal_id/appRoleAssignments" \
    "$(jq -n --arg p "$principal_id" --arg r "$graph_sp_id" --arg a "$sites_selected" '{principalId: $p, resourceId: $r, appRoleId: $a}')" >/dev/null
  echo "Sites.Selected assigned to $app_id"
else
  echo "Sites.Selected already assigned to $app_id"
fi

# 2. The role on the site
existing="$(call GET "/sites/$site/permissions" | jq -r --arg app "$app_id" \
  '[.value[] | select(((.grantedToIdentitiesV2 // .grantedToIdentities // [])[]?.application.id) == $app)][0] // empty')"
if [ -z "$existing" ]; then
  call POST "/sites/$site/permissions" \
    "$(jq -n --arg role "$role" --arg id "$app_id" --arg name "$name" '{roles: [$role], grantedToIdentities: [{application: {id: $id, displayName: $name}}]}')" >/dev/null
  echo "Granted '$role' on $site to $app_id"
elif [ "$(jq -r '.roles | join(",")' <<<"$existing")" = "$role" ]; then
  echo "'$role' on $site was already granted to $app_id"
else
  permission_id="$(jq -r .id <<<"$existing")"
  call PATCH "/sites/$site/permissions/$permission_id" "$(jq -n --arg role "$role" '{roles: [$role]}')" >/dev/null
  echo "Changed the role on $site of $app_id to '$role'"
fi
