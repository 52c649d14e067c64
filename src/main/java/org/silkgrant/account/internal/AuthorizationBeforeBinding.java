package org.silkgrant.account.internal;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authorisation before validation (docs/security.md): a handler's {@code @PreAuthorize} is decided when the handler
 * is chosen, before its arguments are bound, so a role that may not act gets {@code 403} (and an object that is not
 * the caller's {@code 404}, where the expression asks a module, e.g. {@code @applicationManagement.editableBy(principal,
 * #id)}) before anything about the request body: no {@code 400} or {@code 422} ever tells such a caller what a valid
 * request looks like. The expression sees the path variables and the principal; every other argument is null then.
 * Method security decides the same expression again when the method runs, with every argument.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

    /** Before the checks of parameters (shared.web's control characters, order 20). */
    static final int ORDER = 10;

    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
    private final ConversionService conversion = DefaultConversionService.getSharedInstance();

    AuthorizationBeforeBinding(ApplicationContext context) {
        DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context);
        manager.setExpressionHandler(expressions);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(ORDER);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !secured(method)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        AuthorizationResult result = manager.authorize(() -> authentication,
                new BeforeBinding(method, arguments(method, request, authentication)));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
        return true;
    }

    private static boolean secured(HandlerMethod method) {
        return method.hasMethodAnnotation(PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }

    /** The path variables (converted to their parameter's type) and the principal; null for every other argument. */
    private Object[] arguments(HandlerMethod method, HttpServletRequest request, Authentication authentication) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        MethodParameter[] parameters = method.getMethodParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            MethodParameter parameter = parameters[i];
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            if (path != null && variables != null) {
                String name = StringUtils.hasText(path.name()) ? path.name()
                        : StringUtils.hasText(path.value()) ? path.value() : parameter.getParameterName();
                arguments[i] = convert(variables.get(name), parameter.getParameterType());
            } else if (parameter.hasParameterAnnotation(AuthenticationPrincipal.class) && authentication != null
                    && parameter.getParameterType().isInstance(authentication.getPrincipal())) {
                arguments[i] = authentication.getPrincipal();
            }
        }
        return arguments;
    }

    private Object convert(String value, Class<?> type) {
        if (value == null) {
            return null;
        }
        try {
            return conversion.convert(value, type);
        } catch (RuntimeException e) {
            // Not of its type (an id "abc"): binding answers it later, as for any caller who may act.
            return null;
        }
    }

    /** The handler's invocation as it will be, before any argument is read from the body. */
    private record BeforeBinding(HandlerMethod handler, Object[] arguments) implements MethodInvocation {

        @Override
        public Method getMethod() {
            return handler.getMethod();
        }

        @Override
        public Object[] getArguments() {
            return arguments;
        }

        @Override
        public Object proceed() {
            throw new UnsupportedOperationException("only for deciding authorisation");
        }

        @Override
        public Object getThis() {
            return handler.getBean();
        }

        @Override
        public AccessibleObject getStaticPart() {
            return handler.getMethod();
        }
    }
}
