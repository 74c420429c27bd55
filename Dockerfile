# syntax=docker/dockerfile:1
# ChatOps bot image: build and publish with the .NET 10 SDK, run on the ASP.NET Core 10 runtime image
# as its built-in non-root user. Build from the repository root:
#   docker build -t chatops-bot:dev .
#   docker run --rm -p 8080:8080 -e ConnectionStrings__Tables=... chatops-bot:dev

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Build settings first: global.json pins the SDK band, the props files hold the strict build and the
# central package versions.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY bot/ bot/
COPY cards/ cards/
RUN dotnet restore bot/ChatOps.Bot/ChatOps.Bot.csproj
RUN dotnet publish bot/ChatOps.Bot/ChatOps.Bot.csproj --configuration Release --no-restore \
    --output /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The .NET 8+ images listen on 8080 and define the unprivileged "app" user as $APP_UID.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
USER $APP_UID
EXPOSE 8080
# The runtime image ships neither curl nor wget, and installing one only for a probe widens the image.
# bash is there, and its /dev/tcp is enough for a plain HTTP GET on loopback: healthy when /healthz
# answers 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "ChatOps.Bot.dll"]
